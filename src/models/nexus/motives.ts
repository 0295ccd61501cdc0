/**
 * Motive models of insurgent bands: weights on ideological value (attacking state targets,
 * symbolic targets across a border) and on profit (taxing drug flows, escort fees, holding
 * crossings), and the daily softmax choice among six actions whose utilities are documented
 * functions of named inputs. The input names (`UTILITY_INPUTS`) are a stable interface: a scenario
 * may replace an action's utility by a formula over exactly these names.
 *
 * Presets follow the essay behind pamir: the Taliban "has no tactical, strategic, or ideological
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

/** Names of the motive presets. */
export const MOTIVE_PRESET_NAMES = ["ideological", "criminal", "mixed"] as const;
/** A preset name. */
export type MotivePreset = (typeof MOTIVE_PRESET_NAMES)[number];

/**
 * Presets (weights are assumptions; their ordering is the essay's): `ideological` bands value
 * state and cross-border targets and take money only to survive; `criminal` bands value flows,
 * fees and crossings and strike the state only rarely; `mixed` weighs both, profit somewhat more
 * (the essay's "militants of all stripes" who want the northern routes).
 */
export const MOTIVE_PRESETS: Readonly<Record<MotivePreset, Readonly<MotiveWeights>>> = {
  ideological: { stateTargets: 1, crossBorder: 1, tax: 0.2, escort: 0.1, holdCrossings: 0.2 },
  criminal: { stateTargets: 0.1, crossBorder: 0, tax: 1, escort: 1, holdCrossings: 0.5 },
  mixed: { stateTargets: 0.5, crossBorder: 0.3, tax: 0.6, escort: 0.4, holdCrossings: 0.3 },
};

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

/** Class code of a motive: ideological if ≥ 2/3 of the weight is ideology, criminal if ≤ 1/3, else mixed. */
export function motiveClass(w: MotiveWeights): number {
  const s = ideologicalShare(w);
  return s >= 2 / 3 ? 0 : s <= 1 / 3 ? 2 : 1;
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
  /** Weight added to both money motives at empty coffers (need 1). */
  needWeight: number;
}

/** Money need in [0, 1]: 1 − cash / (reserveDays × upkeep), at least 0 (0 when upkeep is 0). */
export function moneyNeed(cash: number, upkeep: number, reserveDays: number): number {
  const want = reserveDays * upkeep;
  return want > 0 ? Math.max(0, 1 - cash / want) : 0;
}

/**
 * The default utility of `action` (code) over the inputs. Money enters as ln(1 + USD per day /
 * upkeep per day): days of upkeep a day of the action pays, with diminishing returns; a band short
 * of cash weighs money more by N·need, need = moneyNeed(cash, upkeep, reserveDays) (any band must
 * eat: the essay's "the drug trade has provided funding for insurgency").
 *   tax     = (wTax + N·need)·ln(1 + taxRevenue/upkeep) + wHoldCrossings·atCrossing − d·taxDistance
 *             − r·taxDefence/fighters − f·taxForeign
 *   escort  = (wEscort + N·need)·ln(1 + escortFee/upkeep) − d·escortDistance − f·escortForeign
 *   attack  = wStateTargets·I·targetValue − d·targetDistance − r·targetDefence/fighters
 *   cross   = wCrossBorder·I·crossValue − d·crossDistance − r·crossDefence/fighters
 *   recruit = R·ln(1 + 10·expectedRecruits/fighters)
 *   hide    = H·cover·threat
 */
export function defaultUtility(action: number, s: Readonly<UtilityScope>, k: UtilityScales): number {
  const f = Math.max(1, s.fighters);
  const up = Math.max(1e-9, s.upkeep);
  const need = k.needWeight * moneyNeed(s.cash, s.upkeep, k.reserveDays);
  switch (action) {
    case ACT_TAX:
      return (
        (s.wTax + need) * Math.log1p(s.taxRevenue / up) +
        s.wHoldCrossings * s.atCrossing -
        k.distanceCost * s.taxDistance -
        (k.riskCost * s.taxDefence) / f -
        k.foreignPenalty * s.taxForeign
      );
    case ACT_ESCORT:
      return (
        (s.wEscort + need) * Math.log1p(s.escortFee / up) -
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
