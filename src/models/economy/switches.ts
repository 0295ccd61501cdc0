/**
 * The economy's switches: the parameters that encode its claims, each with the two values
 * `pamir audit` runs it at. Ranges run from "the mechanism off" (or a documented weaker form) to
 * the calibrated default (docs/model.md, "Economy run" and "Calibration"), so the audit shows what
 * each mechanism adds to the baseline. The nexus model's params extend these, so it can reuse the
 * list as it is.
 */
import type { ModelSwitch } from "../../core/model.js";

/** Switches of the economy model (paths under `params`). */
export const economySwitches: readonly ModelSwitch[] = [
  {
    path: "detection.collusionLevel",
    kind: "range",
    low: 0.75,
    high: 1,
    claim:
      "Officials corrupt enough shield every load outright (state-organised crime), not only take bribes.",
    note: "0.75 is below the Tajik (0.78), Uzbek (0.83) and Kyrgyz (0.76) corruption, so their border guards collude; at 1 no unit does, as at the default 0.9 on the corridor world.",
  },
  {
    path: "agencies.border.corruptionFactor",
    kind: "range",
    low: 0,
    high: 1,
    claim: "Border guards take bribes, so a detected load often goes through instead of being seized.",
    note: "0: incorruptible border guards; 1: their country's corruption (the default).",
  },
  {
    path: "security.TJ.units",
    kind: "range",
    low: 0,
    high: 16,
    claim: "Tajikistan's security forces seize heroin and push traffickers onto other routes.",
    note: "0: no Tajik units at all; 16: the default.",
  },
  {
    path: "traffickers.lotSplit",
    kind: "range",
    low: 0.5,
    high: 1,
    claim: "Traffickers answer losses by splitting loads into smaller, more numerous lots.",
    note: "1: lots never split (the mechanism off); 0.5: the default.",
  },
  {
    path: "traffickers.holdingCostPerDay",
    kind: "range",
    low: 0,
    high: 0.0002,
    claim:
      "A day on the way costs traffickers (capital tied up, exposure), which draws the flow onto fast roads.",
  },
  {
    path: "traffickers.choiceTemperatureUsdPerKg",
    kind: "range",
    low: 0,
    high: 12_000,
    claim:
      "Traffickers' markets are segmented: each market gets a share of lots, not all of them going where profit is highest.",
    note: "0: argmax market choice; 12 000 USD/kg: the calibrated logit temperature.",
  },
  {
    path: "market.expectationDays",
    kind: "range",
    low: 30,
    high: 365,
    claim: "Traders expect prices slowly (adaptive expectations), which damps a cobweb cycle of prices.",
    note: "30 days: fast expectations (the cobweb of docs/model.md); 365: the calibrated default.",
  },
];
