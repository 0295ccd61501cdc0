/**
 * Methods bench: the cost of `pamir sensitivity` and `pamir discover` on large studies, from run
 * records in memory (what the commands do after reading runs.ndjson). Sobol indices of the
 * Ishigami function from 100 k rows (Saltelli, N = 20 000, k = 3) without and with the default
 * 2000-resample bootstrap, Morris measures from 100 k rows (25 000 trajectories, k = 3), PRCC
 * from 100 k rows of a Latin hypercube (k = 3) without and with the bootstrap, and PRIM
 * on 10 k rows (six factors, a planted box with 10 % label noise). `--quick` uses a tenth of the rows.
 */

import type { RunRow } from "../src/core/run-row.js";
import { createRngHub } from "../src/engine/rng.js";
import { ishigami } from "../src/models/test-functions/ishigami.js";
import { DEFAULT_BOOTSTRAP } from "../src/stats/defaults.js";
import { discoverBox } from "../src/stats/prim/discover.js";
import { analyseSensitivity } from "../src/stats/sensitivity/analyse.js";
import { analysePrcc } from "../src/stats/sensitivity/prcc-analyse.js";
import { buildDesign, type Factor, pointValues } from "../src/study/designs/design.js";
import { designDocument } from "../src/study/designs/design-file.js";
import { median } from "./measure.js";

const X: Factor[] = [1, 2, 3].map((i) => ({
  kind: "range",
  path: `params.x${i}`,
  name: `x${i}`,
  min: -Math.PI,
  max: Math.PI,
  integer: false,
}));

/** Ishigami run records over a Saltelli, Morris or LHS design of `samples` base rows / trajectories / points. */
function ishigamiRows(design: "saltelli" | "morris" | "lhs", samples: number) {
  const d = buildDesign(X, design, samples, 1);
  const rows: RunRow[] = [];
  for (let p = 0; p < d.points; p++) {
    const [x1, x2, x3] = pointValues(d, p) as number[];
    const factors = { "params.x1": x1, "params.x2": x2, "params.x3": x3 };
    const y = ishigami(x1!, x2!, x3!, 7, 0.1);
    rows.push({
      id: `i/p${p}/r0`,
      scenario: "i",
      point: p,
      replicate: 0,
      factors,
      status: "ok",
      outcomes: { y },
    });
  }
  return { rows, doc: designDocument(d) };
}

/** Rows with six uniform factors and a planted box on two of them, 10 % of labels flipped. */
function plantedRows(n: number): RunRow[] {
  const rng = createRngHub(1).stream("bench/prim");
  return Array.from({ length: n }, (_, p) => {
    const x = Array.from({ length: 6 }, () => rng.next());
    let hit = x[0]! >= 0.2 && x[0]! <= 0.9 && x[1]! >= 0.1 && x[1]! <= 0.7;
    if (rng.next() < 0.1) hit = !hit;
    const factors = Object.fromEntries(x.map((v, j) => [`params.f${j}`, v]));
    return {
      id: `s/p${p}/r0`,
      scenario: "s",
      point: p,
      replicate: 0,
      factors,
      status: "ok",
      outcomes: { hit: hit ? 1 : 0 },
    };
  });
}

function timed(repeats: number, f: () => void): number {
  const ms: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** One line per measurement (median over repeats). */
export async function benchMethods(quick: boolean): Promise<string[]> {
  const scale = quick ? 10 : 1;
  const repeats = quick ? 1 : 5;
  const lines: string[] = [];
  const s = ishigamiRows("saltelli", 20_000 / scale);
  for (const resamples of [0, DEFAULT_BOOTSTRAP]) {
    const ms = timed(repeats, () => analyseSensitivity(s.rows, s.doc!, [], { resamples, seed: 1 }));
    lines.push(
      `Sobol indices, ${s.rows.length} rows (Saltelli N = ${20_000 / scale}, k = 3), ` +
        `${resamples === 0 ? "no bootstrap" : `${resamples}-resample bootstrap`}: median ${(ms / 1000).toFixed(2)} s`,
    );
  }
  const m = ishigamiRows("morris", 25_000 / scale);
  const msM = timed(repeats, () =>
    analyseSensitivity(m.rows, m.doc!, [], { resamples: DEFAULT_BOOTSTRAP, seed: 1 }),
  );
  lines.push(
    `Morris measures, ${m.rows.length} rows (${25_000 / scale} trajectories, k = 3), ${DEFAULT_BOOTSTRAP}-resample bootstrap: median ${(msM / 1000).toFixed(2)} s`,
  );
  const l = ishigamiRows("lhs", 100_000 / scale);
  const prccSpace = { sampler: "lhs" as const, samples: l.rows.length, ranges: X, values: [] };
  for (const resamples of [0, DEFAULT_BOOTSTRAP]) {
    const ms = timed(repeats, () => analysePrcc(l.rows, prccSpace, { resamples, seed: 1 }));
    lines.push(
      `PRCC, ${l.rows.length} rows (LHS, k = 3), ` +
        `${resamples === 0 ? "no bootstrap" : `${resamples}-resample bootstrap`}: median ${(ms / 1000).toFixed(2)} s`,
    );
  }
  const p = plantedRows(10_000 / scale);
  const space = {
    samples: p.length,
    ranges: Array.from({ length: 6 }, (_, j) => ({ name: `f${j}`, path: `params.f${j}` })),
    values: [],
    selectable: [],
    outcomes: ["hit"],
  };
  const opts = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05 };
  discoverBox(p.slice(0, 50), "hit == 1", space, opts); // load the formula compiler (mathjs) before timing
  const msP = timed(repeats, () => discoverBox(p, "hit == 1", space, opts));
  lines.push(
    `PRIM, ${p.length} rows × 6 factors (peel 0.05, min support 0.05): median ${(msP / 1000).toFixed(2)} s`,
  );
  return lines;
}
