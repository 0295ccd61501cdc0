/**
 * Attribution of violence. Every violent event records its true actor kind and motive, its
 * province and the label the government gives it. The truth: state and alliance violence is
 * "state"; a trafficker's is "criminal"; an insurgent's is "terrorist" if its band's motive is
 * ideological, "criminal" if criminal, and for a mixed motive "terrorist" only when the act is an
 * ideological one (a strike at a state or cross-border target). The label: with the classifying
 * force's skill s it is the truth; otherwise it is a guess that says "terrorist" with chance
 * (1 + b)/2 and "criminal" otherwise, b the government's political bias (b = 0 an unbiased coin,
 * b = 1 always "terrorist": Astana on Jund al-Khilafah in 2011, Dushanbe on GBAO in 2010–12, per the
 * essay behind pamir). An attack (an event the state did not start) labelled "terrorist" leads to
 * a crackdown with chance `crackdownChance`; a
 * crackdown after a wrong label is a misattributed crackdown, counted per province for legitimacy;
 * it radicalises `grievancePeople` there, who join the bands' recruitment pool and fade with
 * `grievanceMemoryDays`, and pushes the band it hit toward ideology (bands/drift.ts); so does a
 * state operation against a band it wrongly labels terrorist (treated as terrorist, it becomes one).
 * A crackdown also starts a search operation in the province for `crackdownDays`, during which
 * security forces hunt armed bands there (models/nexus/clashes/encounters.ts): the state's labels
 * drive its own violence (Rasht 2010 after the Dushanbe jailbreak; the Romit manhunt of 2015).
 */
import type { EventTable } from "../../engine/recorder.js";
import type { RngStream } from "../../engine/rng.js";
import type { World } from "../../worlds/types.js";
import { MOTIVE_CLASSES } from "./motives.js";

/** True actor kinds, in code order. */
export const ACTOR_KINDS = ["insurgent", "trafficker", "state", "alliance"] as const;
/** Code of an insurgent band. */
export const ACTOR_INSURGENT = 0;
/** Code of a trafficker organisation (its armed escort or couriers). */
export const ACTOR_TRAFFICKER = 1;
/** Code of state security. */
export const ACTOR_STATE = 2;
/** Code of an alliance force. */
export const ACTOR_ALLIANCE = 3;

/** Labels, in code order. */
export const LABELS = ["terrorist", "criminal", "state"] as const;
/** Code of "Islamist/terrorist". */
export const LABEL_TERRORIST = 0;
/** Code of "criminal". */
export const LABEL_CRIMINAL = 1;
/** Code of "state". */
export const LABEL_STATE = 2;

/** Motives an event may carry: the band motive classes, then "none" (code 3) for state violence. */
export const EVENT_MOTIVES = [...MOTIVE_CLASSES, "none"] as const;

/** Attribution parameters. */
export interface AttributionParams {
  /** Political bias b in [0, 1]: how far a wrong guess leans to "terrorist". */
  bias: number;
  /** Classification skill of state security where no alliance force does better. */
  stateSkill: number;
  /** Chance an event labelled terrorist is followed by a crackdown. */
  crackdownChance: number;
  /** Days a crackdown's search operation runs in the event's province. */
  crackdownDays: number;
  /** People a misattributed crackdown radicalises in its province (they join the recruitment pool). */
  grievancePeople: number;
  /** Time constant of that grievance, days. */
  grievanceMemoryDays: number;
}

/** The true label of an event (see the file comment); motiveClass −1 or 3 means none. */
export function trueLabel(actor: number, motiveClass: number, ideologicalAct: boolean): number {
  if (actor === ACTOR_STATE || actor === ACTOR_ALLIANCE) return LABEL_STATE;
  if (actor === ACTOR_TRAFFICKER) return LABEL_CRIMINAL;
  if (motiveClass === 0) return LABEL_TERRORIST;
  if (motiveClass === 1) return ideologicalAct ? LABEL_TERRORIST : LABEL_CRIMINAL;
  return LABEL_CRIMINAL;
}

/** The government's label for an event whose truth is `truth`, by a classifier of skill s, bias b. */
export function labelEvent(truth: number, skill: number, bias: number, rng: RngStream): number {
  if (truth === LABEL_STATE) return LABEL_STATE; // the state does not misname its own violence
  if (rng.next() < skill) return truth;
  return rng.next() < (1 + bias) / 2 ? LABEL_TERRORIST : LABEL_CRIMINAL;
}

/** B = (σ − μ)/(σ + μ) from n gaps, their sum and sum of squares (population σ); 0 when undefined. */
export function burstinessOf(n: number, sum: number, squares: number): number {
  if (n < 2) return 0;
  const mu = sum / n;
  const sigma = Math.sqrt(Math.max(0, squares / n - mu * mu));
  return sigma + mu > 0 ? (sigma - mu) / (sigma + mu) : 0;
}

/** One violent event as attribution books it (callers in hot loops reuse one record). */
export interface ViolentEvent {
  /** Day it happened. */
  tick: number;
  /** Cell it happened in. */
  cell: number;
  /** True actor kind (ACTOR_*). */
  actor: number;
  /** The actor's motive class (−1 or 3: none). */
  motiveClass: number;
  /** Whether the act was an ideological one (a strike at a state or cross-border target). */
  ideological: boolean;
  /** The actor's agent id (the event table's actor column). */
  actorId: number;
  /** Casualties (the event table's value). */
  casualties: number;
  /** Skill of the force that classifies it. */
  skill: number;
  /**
   * Whether the state started it (its forces found and attacked a band). Such an event is labelled
   * like any other, but it is the state's own operation: not an attack to count as terrorism, and
   * it starts no crackdown (else every search's firefights would prolong it).
   */
  byState: boolean;
}

/** Per-province books of attribution and the day's figures other mechanisms read. */
export class Attribution {
  /** Violent events per province. */
  readonly events: Float64Array;
  /** Violent events per cell (where violence happens relative to the routes). */
  readonly eventsByCell: Float64Array;
  /** Events per province whose truth is terrorist. */
  readonly trueTerror: Float64Array;
  /** Events per province labelled terrorist. */
  readonly labelledTerror: Float64Array;
  /** Events per province labelled other than their truth. */
  readonly misattributed: Float64Array;
  /** Crackdowns per province. */
  readonly crackdowns: Float64Array;
  /** Crackdowns per province after a wrong "terrorist" label. */
  readonly misCrackdowns: Float64Array;
  /** Today's misattributed crackdowns per province (the legitimacy rule reads these). */
  readonly misCrackdownsToday: Float64Array;
  /** Last day of the search operation a crackdown started per province (−1: none yet). */
  readonly searchUntil: Int32Array;
  /** Deaths in violent events per country (all sides and civilians). */
  readonly deathsByCountry: Float64Array;
  /** Attacks (events the state did not start) labelled terrorist per country over the run. */
  readonly terrorByCountry: Float64Array;
  /** Today's attacks labelled terrorist per country (incident severity for alliance activation). */
  readonly terrorToday: Float64Array;
  /** Today's attacks (events the state did not start, whatever their label) per country: the alliance's belief reads them. */
  readonly attacksToday: Float64Array;
  /** Bands (agent ids) hit by a misattributed crackdown since drift last read them (bands/drift.ts drains it). */
  readonly repressedBands: number[] = [];
  /** People radicalised by misattributed crackdowns per province, decayed: they join the recruitment pool. */
  readonly aggrieved: Float64Array;
  private readonly codes: Int32Array;
  /** Inter-event gaps so far (days), their sum and sum of squares: the burstiness of violence. */
  private gaps = 0;
  private gapSum = 0;
  private gapSquares = 0;
  private lastTick = -1;
  private readonly warranted: number;
  private readonly wrongful: number;

  constructor(
    private readonly world: World,
    private readonly table: EventTable,
    readonly params: AttributionParams,
  ) {
    const n = world.provinces.length;
    this.events = new Float64Array(n);
    this.eventsByCell = new Float64Array(world.grid.size);
    this.trueTerror = new Float64Array(n);
    this.labelledTerror = new Float64Array(n);
    this.misattributed = new Float64Array(n);
    this.crackdowns = new Float64Array(n);
    this.misCrackdowns = new Float64Array(n);
    this.misCrackdownsToday = new Float64Array(n);
    this.aggrieved = new Float64Array(n);
    this.searchUntil = new Int32Array(n).fill(-1);
    this.terrorToday = new Float64Array(world.countries.length);
    this.attacksToday = new Float64Array(world.countries.length);
    this.deathsByCountry = new Float64Array(world.countries.length);
    this.terrorByCountry = new Float64Array(world.countries.length);
    // Kinds are registered up front (never per event): violence/<actor>/<motive>/<label>.
    this.codes = new Int32Array(ACTOR_KINDS.length * EVENT_MOTIVES.length * LABELS.length);
    let i = 0;
    for (const a of ACTOR_KINDS)
      for (const m of EVENT_MOTIVES)
        for (const l of LABELS) this.codes[i++] = table.kind(`violence/${a}/${m}/${l}`);
    this.warranted = table.kind("crackdown/warranted");
    this.wrongful = table.kind("crackdown/misattributed");
  }

  /** Start a day: clear the day's figures; the aggrieved fade (× exp(−1/grievanceMemoryDays)). */
  beginDay(): void {
    const fade = Math.exp(-1 / this.params.grievanceMemoryDays);
    for (let q = 0; q < this.aggrieved.length; q++) this.aggrieved[q] = this.aggrieved[q]! * fade;
    this.misCrackdownsToday.fill(0);
    this.terrorToday.fill(0);
    this.attacksToday.fill(0);
  }

  /**
   * Record one violent event and label it; returns the label code. The event goes to the
   * event table (actor = agent id, target = province, value = casualties); a crackdown, if any,
   * follows as its own event (actor = the violent event's row).
   */
  record(e: ViolentEvent, rng: RngStream): number {
    const { tick, cell, actor, motiveClass, actorId, casualties, skill } = e;
    const { bias, crackdownChance } = this.params;
    const truth = trueLabel(actor, motiveClass, e.ideological);
    const label = labelEvent(truth, skill, bias, rng);
    const m = motiveClass >= 0 && motiveClass < MOTIVE_CLASSES.length ? motiveClass : MOTIVE_CLASSES.length;
    const p = this.world.province[cell]!;
    const row = this.table.length;
    const code = this.codes[(actor * EVENT_MOTIVES.length + m) * LABELS.length + label]!;
    this.table.add(tick, code, cell, actorId, p, casualties);
    if (this.lastTick >= 0) {
      const g = tick - this.lastTick;
      this.gaps++;
      this.gapSum += g;
      this.gapSquares += g * g;
    }
    this.lastTick = tick;
    const k = this.world.country[cell]!;
    this.deathsByCountry[k]! += casualties;
    if (!e.byState && truth !== LABEL_STATE) this.attacksToday[k]! += 1;
    if (label === LABEL_TERRORIST && !e.byState) {
      this.terrorToday[k]! += 1;
      this.terrorByCountry[k]! += 1;
    }
    this.eventsByCell[cell]! += 1;
    if (p < 0) return label;
    this.events[p]! += 1;
    if (truth === LABEL_TERRORIST) this.trueTerror[p]! += 1;
    if (label === LABEL_TERRORIST) this.labelledTerror[p]! += 1;
    if (label !== truth) this.misattributed[p]! += 1;
    if (label === LABEL_TERRORIST && !e.byState && rng.next() < crackdownChance) {
      this.crackdowns[p]! += 1;
      this.searchUntil[p] = Math.max(this.searchUntil[p]!, tick + this.params.crackdownDays);
      const wrong = truth !== LABEL_TERRORIST;
      if (wrong) {
        this.misCrackdowns[p]! += 1;
        this.misCrackdownsToday[p]! += 1;
        this.aggrieved[p]! += this.params.grievancePeople;
        if (actor === ACTOR_INSURGENT) this.repressedBands.push(actorId);
      }
      this.table.add(tick, wrong ? this.wrongful : this.warranted, cell, row, p, 1);
    }
    // The state's own operation against a band it wrongly calls terrorist is counter-terrorism all
    // the same for the band (Khorog 2012: a military operation on a trafficking group): it pushes
    // the band toward ideology as a crackdown would, though it starts none (see ViolentEvent.byState).
    if (e.byState && actor === ACTOR_INSURGENT && label === LABEL_TERRORIST && truth !== LABEL_TERRORIST)
      this.repressedBands.push(actorId);
    return label;
  }

  /**
   * Burstiness of violence, B = (σ − μ)/(σ + μ) of the days between consecutive violent events
   * (Goh and Barabási 2008): −1 for clockwork, about 0 for a Poisson process, toward 1 for events
   * that come in bursts; 0 with fewer than two gaps.
   */
  burstiness(): number {
    return burstinessOf(this.gaps, this.gapSum, this.gapSquares);
  }

  /** Sum of a per-province column. */
  static total(col: Float64Array): number {
    let s = 0;
    for (let i = 0; i < col.length; i++) s += col[i]!;
    return s;
  }

  /** Share of all events whose truth is terrorist (0 with no events). */
  trueTerrorShare(): number {
    const n = Attribution.total(this.events);
    return n > 0 ? Attribution.total(this.trueTerror) / n : 0;
  }

  /** Share of all events the government labels terrorist (0 with no events). */
  attributedTerrorShare(): number {
    const n = Attribution.total(this.events);
    return n > 0 ? Attribution.total(this.labelledTerror) / n : 0;
  }

  /** Share of all events labelled other than their truth (0 with no events). */
  misattributionRate(): number {
    const n = Attribution.total(this.events);
    return n > 0 ? Attribution.total(this.misattributed) / n : 0;
  }
}
