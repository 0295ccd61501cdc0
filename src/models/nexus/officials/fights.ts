/**
 * The small armed clashes of the state–crime nexus and how they are booked. A clash kills a
 * Poisson number of people with a small mean ("a few": Khorog 2014's shoot-out with suspected
 * traffickers ≥ 4 dead, the 2015 Bishkek raids 6, the 2011 Shubarshi shoot-outs 2–4 a time:
 * targets.md §2.2–2.4), split binomially between the state's side and the other. Every clash and
 * purge is a violent event for attribution (so it counts in violent_events and
 * deaths_tj_kg_kz, is labelled, and a "terrorist" label can bring a crackdown); its cause is
 * counted here (OfficialsOutcomes), its state and civilian deaths in the clash totals.
 */
import type { RngStream } from "../../../engine/rng.js";
import { ACTOR_STATE, ACTOR_TRAFFICKER, type ViolentEvent } from "../attribution.js";
import type { ClashContext } from "../clashes/encounters.js";

/** Running totals of the state as an actor (models/nexus/officials/outcomes.ts reads them). */
export class OfficialsOutcomes {
  /** Protection fees collected by strongmen, USD. */
  feesUsd = 0;
  /** Clashes of a strongman's men with units that would not be bought. */
  resistClashes = 0;
  /** Attacks of a strongman's men on bands taxing his turf. */
  rivalClashes = 0;
  /** Deaths in those two kinds of clash. */
  protectionDeaths = 0;
  /** Purges of strongmen by the centre. */
  purges = 0;
  /** Deaths in purge operations. */
  purgeDeaths = 0;
  /** Clashes of traffickers' guards with units that refused their bribe. */
  traffickerClashes = 0;
  /** Deaths in those clashes. */
  traffickerDeaths = 0;
  /** Loads that got away after such a clash. */
  traffickerEscapes = 0;
  /** Strongmen's men killed (in clashes and purges). */
  menLost = 0;
}

/** Deaths of one clash with mean `mean`, and how many of them fall on the state's side (share `stateShare`). */
export function clashDeaths(
  mean: number,
  stateShare: number,
  rng: RngStream,
): { deaths: number; state: number } {
  const deaths = mean > 0 ? rng.poisson(mean) : 0;
  return { deaths, state: deaths > 0 ? rng.binomial(deaths, stateShare) : 0 };
}

// One event record reused by every booking: clashes are booked one at a time.
const event: ViolentEvent = {
  tick: 0,
  cell: 0,
  actor: ACTOR_TRAFFICKER,
  motiveClass: 3,
  ideological: false,
  actorId: 0,
  casualties: 0,
  skill: 0,
  byState: false,
};

/**
 * Book one violent event at cell c: a trafficker's or strongman's clash (`byState` false: an
 * attack whose truth is criminal, labelled by the state's classifier with its bias) or the state's
 * own purge operation (`byState` true). `actorId` is the strongman's slot or the organisation.
 */
export function bookClash(
  ctx: ClashContext,
  tick: number,
  c: number,
  actorId: number,
  casualties: number,
  byState: boolean,
  rng: RngStream,
): void {
  event.tick = tick;
  event.cell = c;
  event.actor = byState ? ACTOR_STATE : ACTOR_TRAFFICKER;
  event.actorId = actorId;
  event.casualties = casualties;
  event.byState = byState;
  event.skill = Math.max(ctx.attribution.params.stateSkill, ctx.layers.skill[c]!);
  ctx.attribution.record(event, rng);
}
