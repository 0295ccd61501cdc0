/**
 * Motive models of insurgent bands: weights on ideological value (attacking state targets,
 * symbolic targets across a border) and on profit (taxing drug flows, escort fees, holding
 * crossings), and the daily softmax choice among six actions whose utilities are documented
 * functions of named inputs. The input names (`UTILITY_INPUTS`) are a stable interface: a scenario
 * may replace an action's utility by a formula over exactly these names.
 *
 * A band's motive is a point on the crime–terror continuum (Makarenko 2004): a criminal share in
 * [0, 1] between an ideological and a criminal pole, or custom weights. Presets follow the essay behind pamir: the Taliban "has no tactical, strategic, or ideological
 * interest in crossing over into the post-Soviet region", while "for militants of all stripes,
 * establishing control of northern drug trafficking routes are worthy and realistic goals".
 */
import type { RngStream } from "../../engine/rng.js";

/** Actions a band chooses among, in code order (a band's `action` column indexes this list). */
export const ACTIONS = ["tax", "escort", "attack", "cross", "recruit", "hide"] as const;
/** An action name. */
export type Action = (typeof ACTIONS)[number];
/** Code of `tax`: hold a corridor cell and levy passing loads. */
export const ACT_TAX = 0;
/** Code of `escort`: protect a trafficker organisation's loads for a fee. */
export const ACT_ESCORT = 1;
/** Code of `attack`: strike a state target in the home country. */
export const ACT_ATTACK = 2;
/** Code of `cross`: cross a border toward a symbolic target abroad (an armed incursion). */
export const ACT_CROSS = 3;
/** Code of `recruit`: turn cash and the local pool of actives into fighters. */
export const ACT_RECRUIT = 4;
/** Code of `hide`: go to ground in rugged terrain. */
export const ACT_HIDE = 5;
/** Code of a band with no action (choosing next day). */
export const ACT_IDLE = -1;

/** Weights of a motive model (each ≥ 0; only ratios and the size against the scales matter). */
export interface MotiveWeights {
  /** Ideology: value of attacking state targets. */
  stateTargets: number;
  /** Ideology: value of symbolic targets across a border. */
  crossBorder: number;
  /** Profit: value of taxing drug flows. */
  tax: number;
  /** Profit: value of escort fees from trafficker organisations. */
  escort: number;
  /** Profit: value of holding a border crossing. */
  holdCrossings: number;
}

/** Names of the motive presets: shorthands for criminal shares 0, 1 and 0.5. */
export const MOTIVE_PRESET_NAMES = ["ideological", "criminal", "mixed"] as const;
/** A preset name. */
export type MotivePreset = (typeof MOTIVE_PRESET_NAMES)[number];

/**
 * The two poles of Makarenko's crime–terror continuum (weights are assumptions; their ordering is
 * the essay's): a purely ideological band values state and cross-border targets and no money (it
 * lives on sponsors: models/nexus/bands/upkeep.ts); a purely criminal band values flows, fees and
 * crossings and never seeks out the state (it fights only to protect its business).
 */
export const IDEOLOGICAL_POLE: Readonly<MotiveWeights> = {
  stateTargets: 1,
  crossBorder: 1,
  tax: 0,
  escort: 0,
  holdCrossings: 0,
};
/** The criminal pole (see IDEOLOGICAL_POLE). */
export const CRIMINAL_POLE: Readonly<MotiveWeights> = {
  stateTargets: 0,
  crossBorder: 0,
  tax: 1,
  escort: 1,
  holdCrossings: 0.5,
};

/** Criminal share of each preset. */
export const PRESET_SHARES: Readonly<Record<MotivePreset, number>> = {
  ideological: 0,
  criminal: 1,
  mixed: 0.5,
};

/** Weights of a band with criminal share s ∈ [0, 1]: (1 − s) × ideological pole + s × criminal pole. */
export function motiveOfShare(s: number): MotiveWeights {
  const mix = (k: keyof MotiveWeights) => (1 - s) * IDEOLOGICAL_POLE[k] + s * CRIMINAL_POLE[k];
  return {
    stateTargets: mix("stateTargets"),
    crossBorder: mix("crossBorder"),
    tax: mix("tax"),
    escort: mix("escort"),
    holdCrossings: mix("holdCrossings"),
  };
}

/** Presets as weights (the poles and their midpoint). */
export const MOTIVE_PRESETS: Readonly<Record<MotivePreset, Readonly<MotiveWeights>>> = {
  ideological: motiveOfShare(0),
  criminal: motiveOfShare(1),
  mixed: motiveOfShare(0.5),
};

/** Criminal share of custom weights: the share of their weight on profit (tax, escort, crossings). */
export function criminalShareOf(w: MotiveWeights): number {
  return 1 - ideologicalShare(w);
}

/** Motive classes recorded as an event's true motive, in code order. */
export const MOTIVE_CLASSES = ["ideological", "mixed", "criminal"] as const;
/** A motive class. */
export type MotiveClass = (typeof MOTIVE_CLASSES)[number];

/** Share of a motive's weight on ideology (state + cross-border) in [0, 1]; 0 when all weights are 0. */
export function ideologicalShare(w: MotiveWeights): number {
  const ideo = w.stateTargets + w.crossBorder;
  const total = ideo + w.tax + w.escort + w.holdCrossings;
  return total > 0 ? ideo / total : 0;
}

/** Class code of a criminal share: ideological at ≤ 1/3, criminal at ≥ 2/3, else mixed. */
export function shareClass(criminalShare: number): number {
  return criminalShare <= 1 / 3 ? 0 : criminalShare >= 2 / 3 ? 2 : 1;
}

/** Class code of custom weights: by the share of their weight on profit (shareClass). */
export function motiveClass(w: MotiveWeights): number {
  return shareClass(criminalShareOf(w));
}

/** Names of the inputs every action utility may read (stable: scenario formulas use them). */
export const UTILITY_INPUTS = [
  "fighters",
  "cash",
  "weapons",
  "upkeep",
  "pool",
  "expectedRecruits",
  "cover",
  "threat",
  "taxRevenue",
  "taxDistance",
  "taxDefence",
  "taxForeign",
  "atCrossing",
  "escortFee",
  "escortDistance",
  "escortForeign",
  "targetValue",
  "targetDistance",
  "targetDefence",
  "crossValue",
  "crossDistance",
  "crossDefence",
  "wStateTargets",
  "wCrossBorder",
  "wTax",
  "wEscort",
  "wHoldCrossings",
] as const;
/** One input name. */
export type UtilityInput = (typeof UTILITY_INPUTS)[number];
/** Values of every input for one band on one day (one object, reused across bands). */
export type UtilityScope = Record<UtilityInput, number>;
/** A replacement utility for one action: a pure function of the inputs. */
export type UtilityFn = (scope: Readonly<UtilityScope>) => number;

/** A scope with every input 0. */
export function emptyScope(): UtilityScope {
  return Object.fromEntries(UTILITY_INPUTS.map((n) => [n, 0])) as UtilityScope;
}

/** Scales that turn inputs into utilities (dimensionless; see docs/model.md). */
export interface UtilityScales {
  /** Utility of a target of value 1 at weight 1. */
  ideologyScale: number;
  /** Utility lost per cell of distance to the action's target. */
  distanceCost: number;
  /** Utility lost per hostile soldier per own fighter on the way or at the target. */
  riskCost: number;
  /** Utility lost for a profit action whose target lies outside the home country. */
  foreignPenalty: number;
  /** Utility of recruiting, times ln(1 + 10 × expected recruits / fighters). */
  recruitWeight: number;
  /** Utility of hiding, times cover × threat. */
  hideWeight: number;
  /** Days of upkeep a band wants in hand; below that, money weighs more (survival). */
  reserveDays: number;
  /** Money motives × (1 + this × need): a band short of cash weighs its own money motive more. */
  needWeight: number;
  /** Floor of the money scale, USD/day: money enters as ln(1 + USD/day ÷ max(upkeep, this)). */
  moneyFloorUsd: number;
}

/** Money need in [0, 1]: 1 − cash / (reserveDays × upkeep), at least 0 (0 when upkeep is 0). */
export function moneyNeed(cash: number, upkeep: number, reserveDays: number): number {
  const want = reserveDays * upkeep;
  return want > 0 ? Math.max(0, 1 - cash / want) : 0;
}

/**
 * The default utility of `action` (code) over the inputs. Money enters as ln(1 + USD per day / M),
 * M = max(upkeep per day, moneyFloorUsd): days of upkeep a day of the action pays, with
 * diminishing returns, and no blow-up for a tiny band. A band short of cash weighs its own money
 * motive more, × (1 + N·need), need = moneyNeed(cash, upkeep, reserveDays); a band with no money
 * motive (the ideological pole, funded by sponsors) never turns tax collector out of need.
 *   tax     = wTax·(1 + N·need)·ln(1 + taxRevenue/M) + wHoldCrossings·atCrossing − d·taxDistance
 *             − r·taxDefence/fighters − f·taxForeign
 *   escort  = wEscort·(1 + N·need)·ln(1 + escortFee/M) − d·escortDistance − f·escortForeign
 *   attack  = wStateTargets·I·targetValue − d·targetDistance − r·targetDefence/fighters
 *   cross   = wCrossBorder·I·crossValue − d·crossDistance − r·crossDefence/fighters
 *   recruit = R·ln(1 + 10·expectedRecruits/fighters)
 *   hide    = H·cover·threat
 */
export function defaultUtility(action: number, s: Readonly<UtilityScope>, k: UtilityScales): number {
  const f = Math.max(1, s.fighters);
  const up = Math.max(k.moneyFloorUsd, s.upkeep, 1e-9);
  const need = 1 + k.needWeight * moneyNeed(s.cash, s.upkeep, k.reserveDays);
  switch (action) {
    case ACT_TAX:
      return (
        s.wTax * need * Math.log1p(s.taxRevenue / up) +
        s.wHoldCrossings * s.atCrossing -
        k.distanceCost * s.taxDistance -
        (k.riskCost * s.taxDefence) / f -
        k.foreignPenalty * s.taxForeign
      );
    case ACT_ESCORT:
      return (
        s.wEscort * need * Math.log1p(s.escortFee / up) -
        k.distanceCost * s.escortDistance -
        k.foreignPenalty * s.escortForeign
      );
    case ACT_ATTACK:
      return (
        s.wStateTargets * k.ideologyScale * s.targetValue -
        k.distanceCost * s.targetDistance -
        (k.riskCost * s.targetDefence) / f
      );
    case ACT_CROSS:
      return (
        s.wCrossBorder * k.ideologyScale * s.crossValue -
        k.distanceCost * s.crossDistance -
        (k.riskCost * s.crossDefence) / f
      );
    case ACT_RECRUIT:
      return k.recruitWeight * Math.log1p((10 * s.expectedRecruits) / f);
    case ACT_HIDE:
      return k.hideWeight * s.cover * s.threat;
    default:
      throw new RangeError(`unknown action code ${action}`);
  }
}

/** Copy a motive's weights into the scope's weight inputs. */
export function setWeights(scope: UtilityScope, w: MotiveWeights): void {
  scope.wStateTargets = w.stateTargets;
  scope.wCrossBorder = w.crossBorder;
  scope.wTax = w.tax;
  scope.wEscort = w.escort;
  scope.wHoldCrossings = w.holdCrossings;
}

/**
 * Softmax choice: action a is drawn with probability ∝ exp(u[a]/T) among those with avail[a] = 1
 * (T = temperature > 0; T → 0 is the arg-max). Returns the action code, or −1 if none is available.
 * Utilities that are not finite count as unavailable.
 */
export function softmaxPick(
  u: Float64Array,
  avail: Uint8Array,
  temperature: number,
  rng: RngStream,
  weights: Float64Array = new Float64Array(u.length),
): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < u.length; a++) if (avail[a] && Number.isFinite(u[a]!) && u[a]! > max) max = u[a]!;
  if (max === Number.NEGATIVE_INFINITY) return -1;
  const t = Math.max(temperature, 1e-9);
  for (let a = 0; a < u.length; a++) {
    weights[a] = avail[a] && Number.isFinite(u[a]!) ? Math.exp((u[a]! - max) / t) : 0;
  }
  return rng.weighted(weights);
}
