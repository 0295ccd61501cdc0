/** The report's choices: which factors it compares, how it shows numbers. */
import { describe, expect, it } from "vitest";
import { classBreaks } from "../../../src/map/draw/scale.js";
import { chooseArms } from "../../../src/report/arms.js";
import { exact, fmt } from "../../../src/report/html.js";
import { withUnit } from "../../../src/report/outcomes.js";
import { row } from "../stats/rows.js";

const arms = (rows: ReturnType<typeof row>[], want = {}) => {
  const r = chooseArms(rows, undefined, want);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};

describe("chooseArms", () => {
  const drill = ["ideological", "criminal"].flatMap((motive, m) =>
    ["incursion-drill", "route-control"].map((posture, p) =>
      row("nexus", m * 2 + p, 0, {
        factors: { "params.motive": motive, "params.posture": posture, "params.patrols": 2 },
        arm: { motive, posture },
      }),
    ),
  );

  it("compares postures within motives, in the study's order, pooling nothing", () => {
    const a = arms(drill);
    expect([a.by, a.within]).toEqual(["posture", "motive"]);
    expect(a.levels).toEqual(["ideological", "criminal"]);
    expect(a.labels).toEqual(["incursion-drill", "route-control"]);
    expect(a.cells.map((c) => c.name)).toEqual([
      "incursion-drill · ideological",
      "route-control · ideological",
      "incursion-drill · criminal",
      "route-control · criminal",
    ]);
    // params.motive and params.posture restate the arm labels; params.patrols never varies.
    expect(a.pooled).toEqual([]);
  });

  it("takes the last factor for the lever and the first for the hypothesis otherwise", () => {
    const economy = ["honest", "corrupt"].flatMap((state, s) =>
      ["border-heavy", "corridor-heavy"].map((doctrine, d) =>
        row("baseline", s * 2 + d, 0, { arm: { state, doctrine } }),
      ),
    );
    const a = arms(economy);
    expect([a.by, a.within]).toEqual(["doctrine", "state"]);
    const swapped = arms(economy, { by: "state", within: "doctrine" });
    expect(swapped.levels).toEqual(["border-heavy", "corridor-heavy"]);
  });

  it("refuses unknown factors and one factor named twice", () => {
    expect(chooseArms(drill, undefined, { within: "weather" })).toMatchObject({
      ok: false,
      problems: [
        {
          kind: "option",
          message: '--within: no factor "weather" in the study; factors: motive, posture, params.patrols',
        },
      ],
    });
    expect(chooseArms(drill, undefined, { by: "motive", within: "motive" }).ok).toBe(false);
  });

  it("makes one arm of a study without factors", () => {
    const a = arms([row("s", 0, 0), row("s", 0, 1)]);
    expect([a.by, a.within, a.cells.length, a.cells[0]!.rows.length]).toEqual([undefined, undefined, 1, 2]);
  });
});

describe("numbers for people", () => {
  it("rounds for display and keeps the exact value for data attributes", () => {
    expect([77235, 77235.4, 1234567.8, 55.55, 0.04049, -2.3, 0, Number.NaN].map((v) => fmt(v))).toEqual([
      "77,235",
      "77,240",
      "1,235,000",
      "55.55",
      "0.04049",
      "-2.3",
      "0",
      "—",
    ]);
    expect(fmt(88_750_000, "USD")).toBe("88,750,000 USD");
    expect([exact(0.1 + 0.2), exact(Number.NaN)]).toEqual(["0.30000000000000004", ""]);
  });

  it("uses at most six round-stepped map classes from zero", () => {
    expect(classBreaks(1)).toEqual({ step: 0.2, classes: 5 });
    expect(classBreaks(600)).toEqual({ step: 100, classes: 6 });
    expect(classBreaks(13)).toEqual({ step: 2.5, classes: 6 });
    expect(classBreaks(0)).toEqual({ step: 1, classes: 1 });
  });

  it("does not repeat a unit the label already says", () => {
    expect(withUnit({ name: "clashes", label: "Clashes", unit: "clashes" })).toBe("Clashes");
    expect(withUnit({ name: "delivered_kg", label: "Heroin delivered", unit: "kg" })).toBe(
      "Heroin delivered (kg)",
    );
  });
});
