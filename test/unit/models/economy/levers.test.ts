/**
 * The two economy levers the real-map magnitudes are fitted with, each over 20 paired seeds on
 * the corridor world with a 95 % t interval of the paired difference: the official post's base
 * detection sets every agency's hazard (so it moves the seized share), and the market choice's
 * size term sends more of the flow to the market with the most buyers.
 */
import { describe, expect, it } from "vitest";
import { agencyHazard, economyParams } from "../../../../src/models/economy/params.js";
import { economyRun } from "../../../../src/models/economy/schedule.js";
import { describeSample } from "../../../../src/stats/describe.js";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const DAYS = 120;

/** Paired differences arm 1 − arm 0 of `measure` over the seeds. */
function pairedDiffs(
  arms: [object, object],
  measure: (e: ReturnType<typeof economyRun>["economy"]) => number,
) {
  return SEEDS.map((seed) => {
    const [a, b] = arms.map((raw) => {
      const { economy, simulation } = economyRun(economyParams.parse(raw), seed);
      simulation.run(DAYS);
      return measure(economy);
    });
    return b! - a!;
  });
}

describe("agency hazard follows the official post's base detection", () => {
  it("is the agency's factor × −ln(1 − officialBase) unless the agency sets its own", () => {
    const p = economyParams.parse({ detection: { officialBase: 0.02 } });
    expect(agencyHazard(p, "border")).toBeCloseTo(-Math.log(0.98), 12);
    expect(agencyHazard(p, "drugs")).toBeCloseTo(-2 * Math.log(0.98), 12);
    expect(agencyHazard(p, "military")).toBeCloseTo(-0.5 * Math.log(0.98), 12);
    const own = economyParams.parse({ agencies: { police: { effectiveness: 0.3 } } });
    expect(agencyHazard(own, "police")).toBe(0.3);
    expect(
      Number.isFinite(agencyHazard(economyParams.parse({ detection: { officialBase: 1 } }), "border")),
    ).toBe(true);
  });

  it("halving officialBase lowers the seized share (20 seeds, 95 % interval below 0)", () => {
    const share = (e: ReturnType<typeof economyRun>["economy"]) => {
      const seized = e.ledger.seizedTotal();
      return seized / Math.max(1, seized + e.ledger.deliveredTotal());
    };
    const d = describeSample(
      pairedDiffs([{ detection: { officialBase: 0.04 } }, { detection: { officialBase: 0.02 } }], share),
    );
    expect(d.ciHigh).toBeLessThan(0);
  });
});

describe("market size term", () => {
  it("β = 1 sends a larger share of deliveries to Russia, the largest market (20 seeds, 95 % interval above 0)", () => {
    const russia = (e: ReturnType<typeof economyRun>["economy"]) =>
      e.ledger.delivered[e.marketNames.indexOf("Russia")]! / Math.max(1, e.ledger.deliveredTotal());
    const d = describeSample(
      pairedDiffs(
        [{ traffickers: { choiceSizeWeight: 0 } }, { traffickers: { choiceSizeWeight: 1 } }],
        russia,
      ),
    );
    expect(d.ciLow).toBeGreaterThan(0);
  });
});
