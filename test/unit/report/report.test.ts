/** The report built from synthetic drill-vs-route results: self-contained, titled, and true to summary.csv. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticResults } from "../../../bench/synthetic-results.js";
import { buildReport } from "../../../src/report/build.js";
import { writeSummary } from "../../../src/stats/write-summary.js";
import { compareCells, externalRefs, summaryMismatches, untitledSvgs } from "./html-checks.js";

const build = async (dir: string, opts: Parameters<typeof buildReport>[1] = { version: "test" }) => {
  const r = await buildReport(dir, opts);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};

describe("the report of a drill-vs-route study", () => {
  let dir: string;
  let report: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pamir-report-"));
    writeSyntheticResults(dir, { replicates: 6, filler: 3 });
    const s = await writeSummary(dir);
    if (!s.ok) throw new Error(s.problems[0]!.message);
    report = await build(dir);
  });

  it("fetches and links nothing outside the file", () => {
    expect(externalRefs(report.html)).toEqual([]);
    expect(report.html.startsWith("<!doctype html>")).toBe(true);
  });

  it("draws every chart and map as inline SVG with a title", () => {
    expect(untitledSvgs(report.html)).toEqual([]);
    // 5 province metrics × 4 arms; 4 series + 13 key outcomes + 1 price chart.
    expect(report.maps).toBe(20);
    expect(report.charts).toBe(18);
    expect(report.html.match(/<figure class="map"><svg /g)).toHaveLength(20);
    expect(report.html.match(/<figure class="chart"><svg /g)).toHaveLength(18);
    const ids = [...report.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("shows in the comparison table exactly the numbers of summary.csv", () => {
    const csv = readFileSync(join(dir, "summary.csv"), "utf8");
    expect(summaryMismatches(report.html, csv, "posture", "motive")).toEqual([]);
    // 13 key outcomes × 2 postures × 2 motives.
    expect(compareCells(report.html)).toHaveLength(52);
  });

  it("puts the sections in the issue's order and names the robust posture in words", () => {
    const at = (s: string) => report.html.indexOf(s);
    const order = [
      '<header id="top"',
      'id="answer"',
      'id="maps"',
      'id="charts"',
      'id="scatter"',
      'id="appendix"',
    ];
    const positions = order.map(at);
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(report.html).toMatch(
      /<p class="lead">If it is not known which motive is true, choose posture “route-control”: whichever motive holds, it is at most [\d.,]+ events worse on violent events than the best posture for that motive\. “incursion-drill” can be up to [\d.,]+ events worse\. Every difference from it is clear at 95 %\.<\/p>/,
    );
    expect(report.html).toContain('<tr class="robust"><th scope="row">route-control (robust)</th>');
    expect(report.html).toContain("Which alliance posture holds up whichever motive drives the insurgents?");
    expect(report.html).toContain("2026-11-28 10:05 UTC (study finished)");
  });

  it("is the same file every time (no clock, no randomness)", async () => {
    expect((await build(dir)).html).toBe(report.html);
  });

  it("follows --by, --within and --outcome", async () => {
    const r = await build(dir, { version: "test", by: "motive", within: "posture", outcome: "seized_kg" });
    expect(r.html).toMatch(/choose motive “(ideological|criminal)”/);
    expect(r.html).toContain("<h3>Regret: heroin seized</h3>");
    // Seizures do not depend on the motive in these data: the lead says the choice is not clear.
    expect(r.html).toMatch(
      /its difference from another motive is not clear at 95 % \(the bootstrap interval holds 0\): more runs would tell\.<\/p>/,
    );
    const bad = await buildReport(dir, { version: "test", by: "nope" });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems[0]!.message).toBe('--by: no factor "nope" in the study; factors: motive, posture');
  });
});

describe("the report on the real Central Asia map, with a sampled factor", () => {
  it("draws the 62 provinces with d3-geo and plots the sampled factor", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-ca-"));
    writeSyntheticResults(dir, {
      replicates: 2,
      world: "central-asia",
      sampled: 3,
      filler: 0,
      series: false,
    });
    const r = await build(dir);
    expect(externalRefs(r.html)).toEqual([]);
    expect(untitledSvgs(r.html)).toEqual([]);
    const firstMap = /<figure class="map">([\s\S]*?)<\/figure>/.exec(r.html)![1]!;
    // One filled path per province, each with its own tooltip title; country borders on top.
    expect(firstMap.match(/<path class="province" d="M[^"]+" fill="#[0-9a-f]{6}"><title>/g)).toHaveLength(62);
    expect(firstMap).toContain("Gorno-Badakhshan (TJ-GB): ");
    expect(r.html).toContain("Drawn on Central Asia, 62 provinces at 0.25°.");
    const scatter = /<section id="scatter">[\s\S]*?<\/section>/.exec(r.html)![0];
    expect(scatter).toContain('<figure class="chart">');
    expect(scatter).toContain("Violent events against params.alliance.coordination");
    expect(r.notes).toContain(
      "No per-tick charts: the study kept no series (add series: { every: 10 } to the study file).",
    );
  });
});

describe("the world the report draws on", () => {
  const caption = (html: string) =>
    /<section id="maps">[\s\S]*?<p class="small">([^<]*)<\/p>/.exec(html)?.[1];

  it("is the one the manifest's scenario runs on, even where the names fit another world", async () => {
    // The corridor's province names, but the manifest's scenario runs on Central Asia: the
    // results say which world, so the names the Central Asia map lacks are left off the map.
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-world-"));
    writeSyntheticResults(dir, { replicates: 2, filler: 0, series: false });
    const file = join(dir, "manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    manifest.scenarios[0].file = "scenarios/central-asia-incursion-drill.yaml";
    writeFileSync(file, JSON.stringify(manifest));
    const r = await build(dir);
    expect(caption(r.html)).toMatch(/^Drawn on Central Asia, 62 provinces at 0\.25°\./);
    expect(r.notes.find((n) => n.startsWith("Not on the map"))).toContain("GBAO");
  });

  it("is recognised from the province names when the results do not say, and the caption says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-guess-"));
    writeSyntheticResults(dir, { replicates: 2, filler: 0, series: false, manifest: false });
    const r = await build(dir);
    expect(caption(r.html)).toMatch(
      /^Drawn on the stylised Northern Route corridor .* \(recognised from the province names: the results do not say which world\)\./,
    );
  });
});
