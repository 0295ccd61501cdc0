/**
 * Province legitimacy update, one step (a day in the nexus model). Epstein (2002) holds L fixed
 * and shows what lower L does; here L moves. It falls with repression of civilians, with
 * misattributed crackdowns (the state calling criminal violence "Islamist" and cracking down on
 * the wrong people — the essay's Kazakhstan 2011 and GBAO 2010–12 cases) and with corruption, and
 * recovers toward a baseline at a rate set by state capacity:
 *
 *   L₁ = L · exp(−(ρ·repressed + μ·misattributed + κ·corruption))      erosion
 *   L' = clamp₀¹( L₁ + (1 − exp(−γ·capacity)) · (baseline − L₁) )       recovery
 *
 * Erosion is multiplicative, so L never goes below 0 and a shock costs a share of what is left;
 * recovery closes a share of the gap to the baseline, so with no drivers L relaxes to it. The
 * rates are assumptions (docs/model.md): no source quantifies them for Central Asia.
 */
import { z } from "zod";

/** Rates of the legitimacy rule, per step. */
export const legitimacyParams = z.strictObject({
  repressionRate: z
    .number()
    .min(0)
    .max(1000)
    .default(10)
    .describe("ρ: log-share of L lost per unit share of the province's people repressed in a step"),
  misattributionRate: z
    .number()
    .min(0)
    .max(10)
    .default(0.02)
    .describe("μ: log-share of L lost per misattributed crackdown"),
  corruptionRate: z
    .number()
    .min(0)
    .max(1)
    .default(0.001)
    .describe("κ: log-share of L lost per step at corruption 1"),
  recoveryRate: z
    .number()
    .min(0)
    .max(10)
    .default(0.01)
    .describe(
      "γ: recovery hazard per step at state capacity 1 (share of the gap closed: 1 − exp(−γ·capacity))",
    ),
});

/** Parsed legitimacy rates. */
export type LegitimacyParams = z.output<typeof legitimacyParams>;

/** The default rates as one constant. */
export const LEGITIMACY_DEFAULTS: LegitimacyParams = legitimacyParams.parse({});

/** What happened in a province during one step, and its standing attributes. */
export interface LegitimacyDrivers {
  /** Share of the province's people repressed this step (civilians arrested, hurt or killed), ≥ 0. */
  repressed: number;
  /** Crackdowns this step that followed a wrong label (crime called terrorism or the reverse), ≥ 0. */
  misattributed: number;
  /** Corruption of the province's state, in [0, 1]. */
  corruption: number;
  /** State capacity, in [0, 1]. */
  capacity: number;
  /** Legitimacy the province returns to when nothing erodes it, in [0, 1]. */
  baseline: number;
}

/** A number made safe for the rule: NaN and negatives become 0, values above `hi` become `hi`. */
function clampTo(x: number, hi: number): number {
  // `x > 0` is false for NaN, so NaN lands on 0 rather than spreading.
  return x > 0 ? Math.min(x, hi) : 0;
}

/** Legitimacy after one step, in [0, 1]; pure. Inputs out of range are clamped, NaN counts as 0. */
export function nextLegitimacy(
  L: number,
  d: LegitimacyDrivers,
  p: LegitimacyParams = LEGITIMACY_DEFAULTS,
): number {
  const loss =
    p.repressionRate * clampTo(d.repressed, 1) +
    p.misattributionRate * clampTo(d.misattributed, Number.MAX_VALUE) +
    p.corruptionRate * clampTo(d.corruption, 1);
  const eroded = clampTo(L, 1) * Math.exp(-loss);
  const pull = 1 - Math.exp(-p.recoveryRate * clampTo(d.capacity, 1));
  return clampTo(eroded + pull * (clampTo(d.baseline, 1) - eroded), 1);
}
