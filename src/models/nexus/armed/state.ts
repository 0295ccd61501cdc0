/**
 * The armed side of a nexus run: insurgent bands, alliance contingents, clashes and attribution,
 * built on the economy's world, with the hooks the economy calls (models/economy/hooks.ts). Its
 * steps (the methods `step…`) run in the order models/nexus/schedule.ts gives: alliance
 * (activation, positions, coverage layers) → hostiles (state and alliance personnel per cell) →
 * bands (upkeep, choose, move, tax cells, recruit) → clashes (strikes, then encounters) before the
 * economy's day; escort fees and severity (today's events labelled terrorist raise incident
 * severity per country) after it.
 */

import type { World } from "../../../worlds/types.js";
import type { EconomyHooks } from "../../economy/hooks.js";
import type { Units } from "../../economy/security/units.js";
import { type AllianceDay, AllianceState, allianceDay } from "../alliance/alliance.js";
import { Belief } from "../alliance/belief.js";
import { Consent } from "../alliance/consent.js";
import { type Contingents, createContingents } from "../alliance/contingents.js";
import type { AllianceRules, Force } from "../alliance/forces.js";
import { rememberTaxPoints } from "../alliance/intel.js";
import { AllianceLayers } from "../alliance/layers.js";
import { type Columns, type Reaction, reactToColumns } from "../alliance/reaction.js";
import { setupAlliance } from "../alliance/setup.js";
import { Severity } from "../alliance/severity.js";
import { Attribution } from "../attribution.js";
import { approachesOf, columnsOf } from "../bands/columns.js";
import { type BandDay, bandsDay, createBandDay } from "../bands/day.js";
import { DriftPressure, driftMotives, type MotiveTable } from "../bands/drift.js";
import { payEscorts } from "../bands/escorts.js";
import type { BandRules } from "../bands/rules.js";
import { bandRulesOf, setupBands, utilityOverridesOf } from "../bands/setup.js";
import type { Bands } from "../bands/store.js";
import { collectTax } from "../bands/tax.js";
import { payUpkeep } from "../bands/upkeep.js";
import { CrossingOutcomes, crossingDay } from "../clashes/crossings.js";
import {
  type ClashContext,
  type EscortStop,
  encounterDay,
  escortFight,
  strikeDay,
} from "../clashes/encounters.js";
import { ClashOutcomes, type ClashRules, clashRulesOf, Hostiles } from "../clashes/hostiles.js";
import { ideologicalShare } from "../motives.js";
import type { ArmedParams } from "./params.js";
import { type ArmedSetup, type ArmedStreams, armedProblems, armedStreams, bandContextOf } from "./setup.js";

/** Bands, alliance, clashes and attribution of one run. */
export class Armed {
  /** The world. */
  readonly world: World;
  /** The armed side's parameters. */
  readonly p: ArmedParams;
  /** Insurgent bands. */
  readonly bands: Bands;
  /** Motive class per motive index (models/nexus/motives.ts MOTIVE_CLASSES). */
  readonly motiveClassOf: Uint8Array;
  /** Per-band motive rows, shares and funding shares (drift rewrites them). */
  readonly motives: MotiveTable;
  /** The rules bands follow. */
  readonly rules: BandRules;
  /** The bands phase: what it reads, its tax layer, move log, strikes and running totals. */
  readonly st: BandDay;
  /** Alliance forces. */
  readonly forces: Force[];
  /** Rules all forces share. */
  readonly allianceRules: AllianceRules;
  /** Alliance contingents. */
  readonly contingents: Contingents;
  /** Activation, budget and recalls. */
  readonly alliance: AllianceState;
  /** Coverage layers the alliance leaves (detection, classification skill, troops). */
  readonly layers: AllianceLayers;
  /** Incident severity per country. */
  readonly severity: Severity;
  /** Hosts' invitations and forces' acceptances (non-interference). */
  readonly consent: Consent;
  /** What the alliance believes the threat is, from its hosts' labels. */
  readonly belief: Belief;
  /** Hostile personnel per cell. */
  readonly hostiles: Hostiles;
  /** Attribution books. */
  readonly attribution: Attribution;
  /** Losses and misattributed crackdowns per band, which motive drift reads. */
  readonly pressure: DriftPressure;
  /** Clash rules. */
  readonly clashRules: ClashRules;
  /** Clash totals. */
  readonly clashes = new ClashOutcomes();
  /** What the blocking screen did with crossing attempts. */
  readonly crossings = new CrossingOutcomes();
  /** Everything a fight reads or writes. */
  readonly clash: ClashContext;
  /** Heroin passing each cell, kg/day (decayed mean of the economy's flow; bands and route-control read it). */
  readonly flow: Float64Array;
  /** Share of recent days a band held each cell to tax it (decayed; route-control's intelligence). */
  readonly taxHeld: Float64Array;
  /** Today's day (escort fights in the economy's steps book events with it). */
  day = 0;
  private readonly rng: ArmedStreams;
  private readonly allianceToday: AllianceDay;
  /** The drill's reserves: screens moved to the crossing a column marches on. */
  readonly reaction: Reaction;
  private readonly columns: Columns;

  constructor(s: ArmedSetup) {
    const { world, params: p, hub } = s;
    const b = setupBands(world, p);
    const a = setupAlliance(world, p.alliance);
    const o = utilityOverridesOf(p.bandRules.utilities);
    // The model's check() reports these located before a run is set up; here they are a bug.
    if (!b.ok || !a.ok || !o.ok)
      throw new Error(
        armedProblems(world, p)
          .map((e) => `${e.path}: ${e.message}`)
          .join("; "),
      );
    const size = world.grid.size;
    this.world = world;
    this.p = p;
    this.bands = b.setup.bands;
    this.motiveClassOf = b.setup.motiveClassOf;
    const { motives, shares } = b.setup;
    this.motives = {
      motives,
      shares,
      classOf: this.motiveClassOf,
      ideological: Float64Array.from(shares, (x, k) =>
        Number.isNaN(x) ? ideologicalShare(motives[k]!) : 1 - x,
      ),
    };
    this.rules = bandRulesOf(p.bandRules, p.threat.drift);
    this.forces = a.forces;
    this.allianceRules = a.rules;
    this.contingents = createContingents(a.forces);
    this.alliance = new AllianceState(a.forces.length, world.countries.length);
    this.layers = new AllianceLayers(size);
    this.severity = new Severity(world.countries.length);
    this.consent = new Consent(a.forces.length, world, a.consent);
    this.belief = new Belief(world.countries.length, p.alliance.belief.prior, p.alliance.belief.memoryDays);
    this.hostiles = new Hostiles(size);
    this.attribution = new Attribution(world, s.events, p.attribution);
    this.pressure = new DriftPressure(p.threat.lossWeight, p.threat.repressionWeight);
    this.clashRules = clashRulesOf(p.clashes);
    this.flow = new Float64Array(size);
    this.taxHeld = new Float64Array(size);
    this.rng = armedStreams(hub);
    const ctx = bandContextOf(s, b.setup, o.overrides, this.flow, this.hostiles.personnel);
    this.st = createBandDay(this.bands, ctx, this.rules, this.layers.block);
    const { contingents, forces, allianceRules: rules, alliance: state, layers } = this;
    const { flow, taxHeld, belief } = this;
    const accepted = this.consent.accepted;
    const approaches = approachesOf(this.bands, ctx, rules.front);
    this.allianceToday = {
      contingents,
      forces,
      rules,
      state,
      world,
      accepted,
      belief,
      flow,
      taxHeld,
      approaches,
    };
    const terrainDefence = this.clashRules.lanchester.terrainDefence;
    this.reaction = { world, forces, rules, contingents, state, terrainDefence, moved: 0 };
    this.columns = columnsOf(this.bands, world, ctx.fields, this.clashRules.bandQuality);
    this.clash = {
      world,
      bands: this.bands,
      hostiles: this.hostiles,
      contingents,
      layers,
      attribution: this.attribution,
      motiveClassOf: this.motiveClassOf,
      ideological: this.motives.ideological,
      rules: this.clashRules,
      out: this.clashes,
      labelRng: this.rng.attribution,
    };
  }

  /** The alliance step: a new day's books, severity fades, forces activate and deploy, coverage is rebuilt. */
  stepAlliance(day: number): void {
    this.day = day;
    this.attribution.beginDay();
    this.severity.decay(this.p.alliance.severityMemoryDays);
    if (day % this.consent.decisionDays === 0) {
      this.consent.measureMassing(this.bands);
      this.consent.decide(day, this.forces, this.severity.value, this.belief, this.alliance.spent);
    }
    allianceDay(this.allianceToday, day, this.rng.alliance);
    reactToColumns(this.reaction, this.columns, this.rng.reaction);
    this.layers.rebuild(this.contingents, this.forces, this.allianceRules, this.world);
  }

  /** The hostiles step: state (`units`) and alliance personnel per cell today. */
  stepHostiles(units: Units, day: number): void {
    this.hostiles.build(units, day, this.clashRules, this.layers);
  }

  /** The bands step: funding and upkeep, motive drift, then every band chooses, moves and acts (halting at screened borders). */
  stepBands(): void {
    payUpkeep(this.bands, this.rules, this.motives.ideological, this.rng.upkeep, this.st.out);
    const t = this.p.threat;
    const rep = this.attribution.repressedBands;
    driftMotives(this.bands, this.motives, this.rules.drift, t.incomeMemoryDays, this.pressure, rep);
    bandsDay(this.st, this.rng.bands);
    rememberTaxPoints(this.taxHeld, this.st.tax.held, this.p.alliance.routeControl.intelMemoryDays);
  }

  /**
   * The clashes step: crossings halted at a blocking screen, today's strikes, then encounters;
   * the day's armed incursions (steps logged by the bands and crossing steps) raise severity.
   */
  stepClashes(day: number): void {
    const { st, p } = this;
    const radius = p.alliance.radius.drill;
    crossingDay(
      this.clash,
      st,
      st.attempts,
      p.alliance.blocking,
      radius,
      day,
      this.rng.crossings,
      this.crossings,
    );
    strikeDay(this.clash, st.attacks, day, this.rng.strikes);
    encounterDay(this.clash, day, this.rng.clashes, this.rng.encounters);
    const col = this.bands.col;
    const per100 = p.alliance.incursionSeverityPer100;
    this.severity.addIncursions(this.world, st.log, col.fighters, col.homeCountry, per100);
  }

  /** The escort-fees step: organisations pay their escorts' daily fees from `orgCapital`. */
  stepEscortFees(orgCapital: Float64Array): void {
    payEscorts(this.bands, orgCapital, this.st.out);
  }

  /** The severity step: today's events labelled terrorist raise incident severity per country. */
  stepSeverity(): void {
    const t = this.attribution.terrorToday;
    for (let k = 0; k < t.length; k++) this.severity.add(k, t[k]!);
    this.belief.observe(this.attribution.attacksToday, t, this.severity.incursionsToday);
  }

  /** What the economy calls: tolls and levies of held cells, alliance detection, escorts. */
  hooks(): Pick<EconomyHooks, "toll" | "detectionGain" | "levy" | "escort"> {
    const tax = this.st.tax;
    const personnel = this.clashRules.personnelPerUnit;
    // One record for every stop: the economy calls the hook once per detected load, in turn.
    const stop: EscortStop = {
      org: 0,
      cell: 0,
      personnel: 0,
      quality: this.clashRules.stateQuality,
      tick: 0,
    };
    return {
      toll: tax.rate,
      detectionGain: this.layers.detection,
      levy: (_org, c, kg, capital) => {
        const rate = tax.rate[c]!;
        if (rate <= 0 || capital <= 0) return 0;
        // Never more than the organisation has: capital stays ≥ 0.
        return collectTax(tax, this.bands, c, Math.min(kg, capital / rate), this.st.out);
      },
      escort: (org, c, strength) => {
        stop.org = org;
        stop.cell = c;
        stop.personnel = strength * personnel;
        stop.tick = this.day;
        return escortFight(this.clash, stop, this.rng.escort);
      },
    };
  }
}
