/**
 * What trafficking organisations decide with (`params.traffickers` of the economy): source price,
 * how they learn and forget risk, bribes, when they re-plan, how they pick a market (logit
 * temperature), what a day on the way costs them and how they split lots after losses. Defaults
 * and sources: docs/model.md ("Traffickers", "Calibration").
 */
import { z } from "zod";

const share = z.number().min(0).max(1);

/** Trafficker parameters of the economy model. */
export const traffickerParams = z
  .strictObject({
    sourcePriceUsdPerKg: z
      .number()
      .min(0)
      .default(1000)
      .describe("price paid for heroin at the producer, USD/kg"),
    riskMemoryDays: z
      .number()
      .positive()
      .default(60)
      .describe("time constant of the learned seizure rate, days"),
    priorWeight: z.number().positive().default(5).describe("pseudo-passages behind the prior risk of a cell"),
    bribeShare: share.default(0.1).describe("bribe as a share of the cargo's value at its market"),
    reviewDays: z
      .int()
      .min(1)
      .default(30)
      .describe("days after its last re-plan an organisation reviews routes"),
    minReplanDays: z.int().min(1).default(7).describe("least days between two re-plans of one organisation"),
    choiceTemperatureUsdPerKg: z
      .number()
      .min(0)
      .default(12_000)
      .describe("logit temperature of the market choice, USD/kg (0: always the most profitable)"),
    choiceSizeWeight: z
      .number()
      .min(0)
      .max(2)
      .default(0)
      .describe("β: the market choice's utility adds β × ln(market demand), buyers drawing lots (0: none)"),
    holdingCostPerDay: z
      .number()
      .min(0)
      .max(0.1)
      .default(0.0002)
      .describe("cost of a day on the way, share of the cargo's value (capital tied up, exposure)"),
    lotSplit: z
      .number()
      .positive()
      .max(1)
      .default(0.5)
      .describe("factor a lot shrinks by at a re-plan after losses past tolerance"),
    minLotKg: z.number().positive().default(5).describe("smallest lot after splitting, kg"),
  })
  .prefault({});
