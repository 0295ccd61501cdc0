/**
 * The armed side of a nexus run: insurgent bands, alliance contingents, clashes and attribution,
 * assembled on the economy's world, with the hooks the economy calls (models/economy/hooks.ts). Its
 * phases run each day before the economy's, in this order: alliance (activation, positions,
 * coverage layers) → hostiles (state and alliance personnel per cell) → bands (upkeep, choose,
 * move, tax cells, recruit) → clashes (strikes, then encounters). The severity phase runs after
 * the economy: today's events labelled terrorist raise incident severity per country.
 */

import type { Problem } from "../../core/problems.js";
import type { EventTable } from "../../engine/recorder.js";
import type { RngHub, RngStream } from "../../engine/rng.js";
import type { Phase } from "../../engine/schedule.js";
import type { RouteGraph } from "../../worlds/route-graph.js";
import type { World } from "../../worlds/types.js";
import type { EconomyHooks } from "../economy/hooks.js";
import type { Units } from "../economy/security/units.js";
import {
  type AllianceRules,
  AllianceState,
  allianceDay,
  type Contingents,
  createContingents,
  type Force,
  Severity,
} from "./alliance/alliance.js";
import { AllianceLayers } from "./alliance/layers.js";
import { setupAlliance } from "./alliance/setup.js";
import { Attribution } from "./attribution.js";
import { type BandRules, type Bands, collectTax, payEscorts, payUpkeep } from "./bands/bands.js";
import type { BandContext } from "./bands/choose.js";
import { type BandDayState, bandsDay, createBandDayState } from "./bands/day.js";
import { HopFields } from "./bands/move.js";
import { bandRulesOf, setupBands, utilityOverridesOf } from "./bands/setup.js";
import { centreOf, worldTargets } from "./bands/targets.js";
import { type ClashContext, encounterDay, escortFight, strikeDay } from "./clashes/encounters.js";
import { ClashOutcomes, type ClashRules, clashRulesOf, Hostiles } from "./clashes/hostiles.js";
import type { NexusModelParams } from "./params.js";

/** Where each trafficking organisation launches its loads and how much it ships a day. */
export interface OrgLaunch {
  /** Launch cell per organisation (its home province's centre). */
  cell: Int32Array;
  /** Expected kg shipped per day per organisation (its share of its home's supply). */
  kgPerDay: Float64Array;
}

/** Every located problem the armed side's parameters have on a world (paths under params). */
export function armedProblems(world: World, p: NexusModelParams): Problem[] {
  const b = setupBands(world, p);
  const a = setupAlliance(world, p.alliance);
  const o = utilityOverridesOf(p.bandRules.utilities);
  return [...(b.ok ? [] : b.problems), ...(a.ok ? [] : a.problems), ...(o.ok ? [] : o.problems)];
}

/** Bands, alliance, clashes and attribution of one run. */
export class Armed {
  readonly bands: Bands;
  /** Motive class per motive index (models/nexus/motives.ts MOTIVE_CLASSES). */
  readonly motiveClassOf: Uint8Array;
  readonly rules: BandRules;
  /** The bands phase's state: tax layer, move log, strikes, running totals. */
  readonly st: BandDayState;
  readonly forces: Force[];
  readonly allianceRules: AllianceRules;
  readonly contingents: Contingents;
  readonly alliance: AllianceState;
  readonly layers: AllianceLayers;
  readonly severity: Severity;
  readonly hostiles: Hostiles;
  readonly attribution: Attribution;
  readonly clashRules: ClashRules;
  readonly clashes = new ClashOutcomes();
  /** Heroin passing each cell, kg/day (decayed mean of the economy's flow; bands and route-control read it). */
  readonly flow: Float64Array;
  /** Today's day (escort fights in the economy's phases book events with it). */
  day = 0;
  private readonly ctx: BandContext;
  private readonly cc: ClashContext;
  private readonly rng: Record<
    "bands" | "upkeep" | "alliance" | "clashes" | "attribution" | "escort",
    RngStream
  >;

  constructor(
    readonly world: World,
    readonly p: NexusModelParams,
    hub: RngHub,
    events: EventTable,
    graph: RouteGraph,
    orgs: OrgLaunch,
    actives: Float64Array,
  ) {
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
    this.bands = b.setup.bands;
    this.motiveClassOf = b.setup.motiveClassOf;
    this.rules = bandRulesOf(p.bandRules);
    this.st = createBandDayState(size);
    this.forces = a.forces;
    this.allianceRules = a.rules;
    this.contingents = createContingents(a.forces);
    this.alliance = new AllianceState(a.forces.length, world.countries.length);
    this.layers = new AllianceLayers(size);
    this.severity = new Severity(world.countries.length);
    this.hostiles = new Hostiles(size);
    this.attribution = new Attribution(world, events, p.attribution);
    this.clashRules = clashRulesOf(p.clashes);
    this.flow = new Float64Array(size);
    this.rng = {
      bands: hub.stream("bands"),
      upkeep: hub.stream("bands/upkeep"),
      alliance: hub.stream("alliance"),
      clashes: hub.stream("clashes"),
      attribution: hub.stream("attribution"),
      escort: hub.stream("escort-fights"),
    };
    this.ctx = {
      world,
      graph,
      fields: new HopFields(graph),
      targets: worldTargets(world, p.bandRules.targets),
      flow: this.flow,
      hostile: this.hostiles.personnel,
      actives,
      offers: Float64Array.from(orgs.kgPerDay, (kg) => kg * p.bandRules.escortFeeUsdPerKg),
      orgCell: orgs.cell,
      motives: b.setup.motives,
      motiveClassOf: this.motiveClassOf,
      overrides: o.overrides,
    };
    this.cc = {
      world,
      bands: this.bands,
      hostiles: this.hostiles,
      contingents: this.contingents,
      layers: this.layers,
      attribution: this.attribution,
      motiveClassOf: this.motiveClassOf,
      rules: this.clashRules,
      out: this.clashes,
      labelRng: this.rng.attribution,
    };
  }

  /** The phases that run before the economy's; `units` gives the state's security units. */
  phasesBefore(units: () => Units): Phase[] {
    const ap = this.p.alliance;
    return [
      {
        name: "alliance",
        run: (day) => {
          this.day = day;
          this.attribution.beginDay();
          this.severity.decay(ap.severityMemoryDays);
          const { contingents, forces, allianceRules, alliance, world, severity, flow } = this;
          allianceDay(
            contingents,
            forces,
            allianceRules,
            alliance,
            world,
            severity.value,
            flow,
            day,
            this.rng.alliance,
          );
          this.layers.rebuild(contingents, forces, allianceRules, world);
        },
      },
      { name: "hostiles", run: (day) => this.hostiles.build(units(), day, this.clashRules, this.layers) },
      {
        name: "bands",
        run: () => {
          payUpkeep(this.bands, this.rules, this.rng.upkeep, this.st.out);
          bandsDay(this.bands, this.ctx, this.rules, this.st, this.rng.bands);
          const col = this.bands.col;
          this.severity.addIncursions(
            this.world,
            this.st.log,
            col.fighters,
            col.homeCountry,
            ap.incursionSeverityPer100,
          );
        },
      },
      {
        name: "clashes",
        run: (day) => {
          strikeDay(this.cc, this.st.attacks, day, this.rng.clashes);
          encounterDay(this.cc, day, this.rng.clashes);
        },
      },
    ];
  }

  /** The phases that run after the economy's: escort fees, then incident severity. */
  phasesAfter(orgCapital: () => Float64Array): Phase[] {
    return [
      { name: "escort-fees", run: () => void payEscorts(this.bands, orgCapital(), this.st.out) },
      {
        name: "severity",
        run: () => {
          const t = this.attribution.terrorToday;
          for (let k = 0; k < t.length; k++) this.severity.add(k, t[k]!);
        },
      },
    ];
  }

  /** What the economy calls: tolls and levies of held cells, alliance detection, escorts. */
  hooks(): Pick<EconomyHooks, "toll" | "detectionGain" | "levy" | "escort"> {
    const tax = this.st.tax;
    const personnel = this.clashRules.personnelPerUnit;
    return {
      toll: tax.rate,
      detectionGain: this.layers.detection,
      levy: (_org, c, kg, capital) => {
        const rate = tax.rate[c]!;
        if (rate <= 0 || capital <= 0) return 0;
        // Never more than the organisation has: capital stays ≥ 0.
        return collectTax(tax, this.bands, c, Math.min(kg, capital / rate), this.st.out);
      },
      escort: (org, c, strength) =>
        escortFight(
          this.cc,
          org,
          c,
          strength * personnel,
          this.clashRules.stateQuality,
          this.day,
          this.rng.escort,
        ),
    };
  }

  /** Fold one day's cumulative flow (kg passing each cell so far) into the decayed daily mean. */
  updateFlow(cumulative: Float64Array, previous: Float64Array): void {
    const k = Math.exp(-1 / this.p.flowMemoryDays);
    for (let c = 0; c < this.flow.length; c++) {
      this.flow[c] = this.flow[c]! * k + (cumulative[c]! - previous[c]!) * (1 - k);
      previous[c] = cumulative[c]!;
    }
  }
}

/** Launch cells and daily supply of organisations homed at `homes` (province indices). */
export function orgLaunch(world: World, homes: ArrayLike<number>): OrgLaunch {
  const n = homes.length;
  const perHome = new Map<number, number>();
  for (let o = 0; o < n; o++) perHome.set(homes[o]!, (perHome.get(homes[o]!) ?? 0) + 1);
  return {
    cell: Int32Array.from({ length: n }, (_, o) => centreOf(world, world.cellsOf[homes[o]!]!)),
    kgPerDay: Float64Array.from(
      { length: n },
      (_, o) => world.provinces[homes[o]!]!.productionKgPerDay / perHome.get(homes[o]!)!,
    ),
  };
}
