/**
 * Bands from the nexus parameters: the motive table (one row per band, so a band's motive can
 * drift on its own: models/nexus/bands/drift.ts), each row's criminal share, the rules, and the bands staged at their home province's centre. Problems (an unknown
 * home province) come back as located errors, not exceptions.
 */

import { compileFormula } from "../../../core/formula.js";
import { type Problem, problem } from "../../../core/problems.js";
import type { World } from "../../../worlds/types.js";
import type { ArmedParams } from "../armed/params.js";
import {
  ACTIONS,
  type MotiveWeights,
  motiveClass,
  motiveOfShare,
  PRESET_SHARES,
  shareClass,
  UTILITY_INPUTS,
  type UtilityFn,
} from "../motives.js";
import type { BandRules } from "./rules.js";
import { type Bands, createBands, GROUPS, stageBand } from "./store.js";
import { centreOf } from "./targets.js";

/** The rules every band follows, from the parameters. */
export function bandRulesOf(p: ArmedParams["bandRules"], drift = 0): BandRules {
  return {
    sponsorUsdPerFighterDay: p.sponsorUsdPerFighterDay,
    drift,
    temperature: p.temperature,
    scales: { ...p.scales },
    taxUsdPerKg: p.taxUsdPerKg,
    taxRadius: p.taxRadius,
    wageUsdPerFighterDay: p.wageUsdPerFighterDay,
    recruitRate: p.recruitRate,
    recruitCostUsd: p.recruitCostUsd,
    desertionRate: p.desertionRate,
    speedCellsPerDay: p.speedCellsPerDay,
    terrainSlowdown: p.terrainSlowdown,
    taxDays: p.taxDays,
    escortDays: p.escortDays,
    hideDays: p.hideDays,
    tradeAbroad: p.tradeAbroad,
    operationPrepDays: p.operationPrepDays,
    incursionPrepDays: p.incursionPrepDays,
    maxTravelDays: p.maxTravelDays,
  };
}

/** Bands set up on a world. */
export interface BandSetup {
  /** The store, flushed (bands live). */
  bands: Bands;
  /** Motive table (row k is band k's). */
  motives: MotiveWeights[];
  /** Criminal share per motive row; NaN for custom weights (which never drift). */
  shares: Float64Array;
  /** Motive class per motive. */
  motiveClassOf: Uint8Array;
  /** Motive name per motive (preset name, "share 0.25", or "custom #k"). */
  motiveNames: string[];
}

/** Stage and flush every band of the parameters at its home province's centre. */
export function setupBands(
  world: World,
  p: ArmedParams,
): { ok: true; setup: BandSetup } | { ok: false; problems: Problem[] } {
  const errors: Problem[] = [];
  const motives: MotiveWeights[] = [];
  const motiveNames: string[] = [];
  const shares: number[] = [];
  const bands = createBands(p.bands.length);
  p.bands.forEach((b, i) => {
    const m = motives.length;
    const s =
      typeof b.motive === "string" ? PRESET_SHARES[b.motive] : typeof b.motive === "number" ? b.motive : NaN;
    motives.push(Number.isNaN(s) ? { ...(b.motive as MotiveWeights) } : motiveOfShare(s));
    shares.push(s);
    motiveNames.push(
      typeof b.motive === "string" ? b.motive : Number.isNaN(s) ? `custom #${m}` : `share ${s}`,
    );
    const home = world.provinces.findIndex((q) => q.name === b.home);
    const cell = home >= 0 ? centreOf(world, world.cellsOf[home]!) : -1;
    if (home < 0 || cell < 0) {
      errors.push(problem("world", `bands[${i}].home`, `province "${b.home}" is not in the world`));
      return;
    }
    stageBand(bands, {
      group: GROUPS.indexOf(b.group),
      motive: m,
      home,
      homeCountry: world.country[cell]!,
      cell,
      fighters: b.fighters,
      cashUsd: b.cashUsd,
      weapons: b.weapons ?? b.fighters,
    });
  });
  if (errors.length > 0) return { ok: false, problems: errors };
  bands.flush();
  return {
    ok: true,
    setup: {
      bands,
      motives,
      shares: Float64Array.from(shares),
      motiveNames,
      motiveClassOf: Uint8Array.from(motives, (w, k) =>
        Number.isNaN(shares[k]!) ? motiveClass(w) : shareClass(shares[k]!),
      ),
    },
  };
}

/**
 * Compile the scenario's utility formulas once over UTILITY_INPUTS (restricted mathjs, models/formula.ts).
 * Returns one entry per action code (undefined where the default stays). A formula whose value is
 * not a finite number on some day makes its action unavailable that day.
 */
export function utilityOverridesOf(
  utilities: ArmedParams["bandRules"]["utilities"],
): { ok: true; overrides: (UtilityFn | undefined)[] } | { ok: false; problems: Problem[] } {
  const errors: Problem[] = [];
  const overrides = ACTIONS.map((a): UtilityFn | undefined => {
    const source = utilities[a];
    if (source === undefined) return undefined;
    const res = compileFormula(source, UTILITY_INPUTS);
    if (!res.ok) {
      const f = res.problems[0]!;
      errors.push(problem("formula", `bandRules.utilities.${a}`, `${f.message} (at "${f.path}")`));
      return undefined;
    }
    const f = res.value;
    return (scope) => {
      const v = f.evaluate(scope);
      return v.ok ? v.value : Number.NEGATIVE_INFINITY;
    };
  });
  return errors.length > 0 ? { ok: false, problems: errors } : { ok: true, overrides };
}
