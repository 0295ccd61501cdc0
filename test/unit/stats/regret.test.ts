import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regretTable } from "../../../src/stats/regret.js";

const DIRECTIONS = ["lower-is-better", "higher-is-better"] as const;

describe("regretTable", () => {
  it("gives the best posture under each hypothesis zero regret and every posture regret ≥ 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(...DIRECTIONS),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 20, maxLength: 20 }),
        (np, nh, direction, pool) => {
          const postures = Array.from({ length: np }, (_, i) => `p${i}`);
          const hyps = Array.from({ length: nh }, (_, i) => `h${i}`);
          const means = postures.map((_, p) => hyps.map((_, h) => pool[p * nh + h]!));
          const t = regretTable(postures, hyps, means, direction);
          for (let h = 0; h < nh; h++) {
            const col = means.map((row) => row[h]!);
            const best = direction === "lower-is-better" ? Math.min(...col) : Math.max(...col);
            for (let p = 0; p < np; p++) {
              expect(t.regret[p]![h]).toBeGreaterThanOrEqual(0);
              if (means[p]![h] === best) expect(t.regret[p]![h]).toBe(0);
            }
            expect(t.regret.some((row) => row[h] === 0)).toBe(true);
          }
          const minMax = Math.min(...t.maxRegret);
          expect(t.robust).not.toBeNull();
          expect(t.maxRegret[postures.indexOf(t.robust!)]).toBe(minMax);
        },
      ),
    );
  });

  it("names route-control robust in the drill-vs-route example", () => {
    // Insurgent revenue (lower is better): drill wins under the ideological motive, route-control
    // under the criminal one; route-control's worst case (10) beats drill's (13).
    const t = regretTable(
      ["incursion-drill", "route-control"],
      ["criminal", "ideological"],
      [
        [54, 22],
        [41, 32],
      ],
      "lower-is-better",
    );
    expect(t.regret).toEqual([
      [13, 0],
      [0, 10],
    ]);
    expect(t.maxRegret).toEqual([13, 10]);
    expect(t.robust).toBe("route-control");
    expect(t.tiedWith).toEqual([]);
    const h = regretTable(["a", "b"], ["x", "y"], t.means, "higher-is-better");
    expect(h.regret).toEqual([
      [0, 10],
      [13, 0],
    ]);
    expect(h.robust).toBe("a");
  });

  it("breaks ties on maximum regret by mean regret, then by name", () => {
    const byMean = regretTable(
      ["z", "a"],
      ["h1", "h2"],
      [
        [0, 5],
        [5, 5],
      ],
      "higher-is-better",
    );
    // Best is 5 under h1 (a) and 5 under h2 (both): z regrets [5, 0], a regrets [0, 0].
    expect(byMean.robust).toBe("a");
    const byName = regretTable(
      ["z", "a"],
      ["h1", "h2"],
      [
        [1, 2],
        [2, 1],
      ],
      "lower-is-better",
    );
    expect(byName.maxRegret).toEqual([1, 1]);
    expect(byName.robust).toBe("a");
    expect(byName.tiedWith).toEqual(["z"]);
  });

  it("leaves a posture without runs under some hypothesis out of the robust choice", () => {
    const t = regretTable(
      ["a", "b"],
      ["h1", "h2"],
      [
        [1, Number.NaN],
        [3, 4],
      ],
      "lower-is-better",
    );
    expect(t.regret[0]![1]).toBeNaN();
    expect(t.maxRegret[0]).toBeNaN();
    expect(t.regret[1]).toEqual([2, 0]);
    expect(t.robust).toBe("b");
    const none = regretTable(["a"], ["h1", "h2"], [[1, Number.NaN]], "lower-is-better");
    expect(none.robust).toBeNull();
  });
});
