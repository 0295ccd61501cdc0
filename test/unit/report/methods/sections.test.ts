/**
 * The report's sensitivity and scenario-discovery sections: drawn with the files' numbers when
 * sensitivity.json / discover.json are in the results folder, absent when they are not, a note
 * when they cannot be used; and the header names the design.
 */
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticResults } from "../../../../bench/synthetic-results.js";
import { buildReport } from "../../../../src/report/build.js";
import type { DiscoverReport } from "../../../../src/stats/prim/discover.js";
import type { SensitivityReport } from "../../../../src/stats/sensitivity/analyse.js";
import { externalRefs, untitledSvgs } from "../html-checks.js";

const build = async (dir: string) => {
  const r = await buildReport(dir, { version: "test" });
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};

const section = (html: string, id: string) =>
  new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(html)?.[0];

/** data-value of the table cells of the row of `factor` in `html`. */
const rowValues = (html: string, factor: string) => {
  const row = new RegExp(`<tr[^>]*data-factor="${factor}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)![1]!;
  return [...row.matchAll(/data-value="([^"]*)"/g)].map((m) => (m[1] === "" ? Number.NaN : Number(m[1])));
};

const iv = (value: number, low: number, high: number) => ({ value, low, high });

/** A Saltelli analysis of two outcomes over two factors; its last interval undefined (NaN). */
const SOBOL: SensitivityReport = {
  design: "saltelli",
  factors: ["coordination", "budget"],
  outcomes: ["violent_events", "delivered_kg"],
  replicates: "averaged per design point (mean of finished runs) before the estimators",
  bootstrap: { resamples: 500, seed: 1, method: "percentile bootstrap" },
  results: ["violent_events", "delivered_kg"].map((outcome, i) => ({
    scenario: "nexus",
    cell: {},
    outcome,
    used: 64,
    dropped: i,
    noise: null,
    noiseShare: null,
    sobol: [
      { factor: "coordination", s1: iv(0.61 - i / 10, 0.5, 0.72), st: iv(0.7, 0.6, 0.81) },
      { factor: "budget", s1: iv(0.12, -0.03, 0.25), st: iv(0.2 + i / 10, 0.11, Number.NaN) },
    ],
  })),
};

const MORRIS: SensitivityReport = {
  ...SOBOL,
  design: "morris",
  outcomes: ["violent_events"],
  results: [
    {
      scenario: "nexus",
      cell: {},
      outcome: "violent_events",
      used: 10,
      dropped: 0,
      noise: null,
      noiseEffect: null,
      morris: [
        { factor: "coordination", mu: -3.5, muStar: iv(4.25, 3.1, 5.5), sigma: 1.75, n: 10 },
        { factor: "budget", mu: 0.5, muStar: iv(0.75, 0.25, 1.25), sigma: 0.375, n: 10 },
      ],
    },
  ],
};

const step = (i: number, coverage: number, density: number, lo: number) => ({
  step: i,
  phase: i === 0 ? ("start" as const) : ("peel" as const),
  coverage,
  density,
  mass: coverage / 2,
  n: 100 - 10 * i,
  k: 40 - i,
  restricted: i === 0 ? 0 : 1,
  limits: { coordination: [lo, 1] as [number, number], budget: [0, 10] as [number, number] },
});

const DISCOVER: DiscoverReport = {
  where: "violent_events[posture=incursion-drill] < violent_events[posture=route-control]",
  cases: 100,
  casesOfInterest: 40,
  dropped: 0,
  replicates: "each replicate is its own case",
  options: { peel: 0.05, paste: 0.05, minSupport: 0.05, objective: "lenient1" },
  factors: [
    { name: "coordination", path: "params.alliance.coordination", min: 0, max: 1 },
    { name: "budget", path: "params.budget", min: 0, max: 10 },
  ],
  trajectory: [step(0, 1, 0.4, 0), step(1, 0.9, 0.55, 0.25), step(2, 0.7, 0.8, 0.5), step(3, 0.4, 0.9, 0.75)],
  chosen: {
    ...step(2, 0.7, 0.8, 0.5),
    rule: "largest coverage × density",
    restrictions: [{ factor: "coordination", min: 0.5, max: 1, pLower: 0.0003, pUpper: null }],
    unrestricted: ["budget"],
  },
};

const writeJson = (dir: string, name: string, doc: unknown) =>
  writeFileSync(join(dir, name), JSON.stringify(doc, null, 2));

describe("the report's methods sections", () => {
  let dir: string;
  let plain: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pamir-report-methods-"));
    writeSyntheticResults(dir, { replicates: 2, filler: 0, series: false, sampled: 3 });
    plain = await build(dir);
  });

  it("are absent, with no contents entry and no note, when the folder has no methods files", () => {
    expect(section(plain.html, "sensitivity")).toBeUndefined();
    expect(section(plain.html, "discovery")).toBeUndefined();
    expect(plain.html).not.toContain('href="#sensitivity"');
    expect(plain.html).not.toContain('href="#discovery"');
    expect(plain.notes.some((n) => /sensitivity|discover/.test(n))).toBe(false);
  });

  it("draw the Sobol indices and PRIM's box with the files' numbers, before the appendix", async () => {
    writeJson(dir, "sensitivity.json", SOBOL);
    writeJson(dir, "discover.json", DISCOVER);
    const r = await build(dir);
    const order = ['id="scatter"', 'id="sensitivity"', 'id="discovery"', 'id="appendix"'].map((s) =>
      r.html.indexOf(s),
    );
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.html).toMatch(
      /<a href="#scatter">.*<a href="#sensitivity">.*<a href="#discovery">.*<a href="#appendix">/,
    );
    // One Sobol chart per outcome, the trade-off curve and the box.
    expect(r.charts).toBe(plain.charts + 4);
    expect(untitledSvgs(r.html)).toEqual([]);
    expect(externalRefs(r.html)).toEqual([]);
    const sens = section(r.html, "sensitivity")!;
    expect(sens).toContain("Sobol indices of Violent events (nexus)");
    expect(sens).toContain("Sobol indices of Heroin delivered (nexus)");
    for (const [i, res] of SOBOL.results.entries()) {
      const tables = sens.split("<h3>").slice(1);
      for (const f of res.sobol!) expect(rowValues(tables[i]!, f.factor)).toEqual([f.s1.value, f.st.value]);
    }
    expect(sens).toContain('data-low="0.11" data-high=""');
    expect(sens).toContain("64 base rows used, 1 left out for a missing run.");
    const disc = section(r.html, "discovery")!;
    expect(disc).toContain(`<code>${DISCOVER.where.replace(/</g, "&lt;")}</code>`);
    expect(disc).toContain('data-step="2" data-coverage="0.7" data-density="0.8"');
    expect(rowValues(disc, "coordination")).toEqual([0.5, 1, 0, 1, 0.0003, Number.NaN]);
    expect(rowValues(disc, "budget")).toEqual([0, 10, 0, 10, Number.NaN, Number.NaN]);
    expect(disc).toMatch(/<tr class="restricted" data-factor="coordination">/);
    expect(disc).toMatch(/<tr class="unrestricted" data-factor="budget">/);
    expect(disc).toContain("0.5 – 1 (quasi-p 0.0003, —)");
  });
});

describe("the report's methods sections from other files", () => {
  let plain: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-methods-"));
    writeSyntheticResults(dir, { replicates: 2, filler: 0, series: false, sampled: 3 });
    plain = await build(dir);
  });

  it("draw Morris's μ*–σ plane for a Morris analysis", async () => {
    const d = mkdtempSync(join(tmpdir(), "pamir-report-morris-"));
    writeSyntheticResults(d, { replicates: 2, filler: 0, series: false, sampled: 3 });
    writeJson(d, "sensitivity.json", MORRIS);
    const r = await build(d);
    expect(r.charts).toBe(plain.charts + 1);
    const sens = section(r.html, "sensitivity")!;
    expect(sens).toContain("Morris measures of Violent events (nexus)");
    for (const f of MORRIS.results[0]!.morris!)
      expect(rowValues(sens, f.factor)).toEqual([f.mu, f.muStar.value, f.sigma]);
    expect(section(r.html, "discovery")).toBeUndefined();
  });

  it("say in a note when a file cannot be used or is older than the runs", async () => {
    const d = mkdtempSync(join(tmpdir(), "pamir-report-badmethods-"));
    writeSyntheticResults(d, { replicates: 2, filler: 0, series: false, sampled: 3 });
    writeFileSync(join(d, "sensitivity.json"), "{ not json");
    writeJson(d, "discover.json", DISCOVER);
    const old = new Date("2020-01-01T00:00:00Z");
    utimesSync(join(d, "discover.json"), old, old);
    const r = await build(d);
    expect(r.notes).toContainEqual(
      expect.stringMatching(/^No sensitivity charts: sensitivity\.json is not readable JSON \(/),
    );
    expect(r.notes).toContain(
      "discover.json is older than runs.ndjson: run pamir discover again for a box over every run.",
    );
    expect(r.charts).toBe(plain.charts + 2);
    writeJson(d, "sensitivity.json", { design: "sobol", results: [] });
    expect((await build(d)).notes).toContain(
      "No sensitivity charts: sensitivity.json does not have the shape pamir writes.",
    );
  });
});

describe("the report header's design", () => {
  const design = async (sampler: string, file?: unknown) => {
    const d = mkdtempSync(join(tmpdir(), "pamir-report-design-"));
    writeSyntheticResults(d, { replicates: 2, filler: 0, series: false, sampled: 3 });
    const path = join(d, "manifest.json");
    const m = JSON.parse(readFileSync(path, "utf8"));
    m.design.sampler = sampler;
    writeFileSync(path, JSON.stringify(m));
    if (file) writeJson(d, "design.json", file);
    const html = (await build(d)).html;
    return /<dt>Design<\/dt><dd>([^<]*)<\/dd>/.exec(html)![1];
  };
  const roles = { role: ["A", "AB", "B"], row: [0, 0, 0], factor: [-1, 0, -1], step: [0, 0, 0] };
  const factors = [{ name: "coordination", path: "params.alliance.coordination" }];

  it("names every sampler, and Saltelli's and Morris's layout from design.json", async () => {
    expect(await design("lhs")).toMatch(/^Latin hypercube; 3 samples × 4 factorial cells = /);
    expect(await design("sobol")).toMatch(/^Sobol sequence; 3 samples/);
    expect(await design("saltelli")).toMatch(/^Saltelli \(for Sobol indices\); 3 samples/);
    expect(await design("morris")).toMatch(/^Morris \(elementary effects\); 3 samples/);
    const saltelli = {
      design: "saltelli",
      samples: 3,
      factors,
      roles,
      saltelli: { base: 1, secondOrder: false },
    };
    expect(await design("saltelli", saltelli)).toMatch(
      /^Saltelli \(for Sobol indices\): N = 1 base rows of A, B, AB_j on a Sobol sequence; 3 samples/,
    );
    const morris = {
      design: "morris",
      samples: 3,
      factors,
      roles: { role: ["start", "step", "start"], row: [0, 0, 1], factor: [-1, 0, -1], step: [0, 1, 0] },
      morris: { trajectories: 2, levels: 4, delta: 2 / 3, candidates: 10 },
    };
    expect(await design("morris", morris)).toMatch(
      /^Morris \(elementary effects\): r = 2 trajectories on a 4-level grid, Δ = 0\.6667, chosen from 10 candidates; 3 samples/,
    );
  });
});
