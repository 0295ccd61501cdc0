/** Studies without the nexus outcomes still give a valid report: absent sections become one-line notes. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticResults } from "../../../bench/synthetic-results.js";
import { outcomesCsv } from "../../../src/core/outcomes-file.js";
import { economyModel } from "../../../src/models/economy/model.js";
import { buildReport } from "../../../src/report/build.js";
import { externalRefs, untitledSvgs } from "./html-checks.js";

const build = async (dir: string, extra: Record<string, unknown> = {}) => {
  const r = await buildReport(dir, { version: "test", ...extra });
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};

/** Notes shown in the page (each also listed in the appendix). */
const shownNotes = (html: string) => [...html.matchAll(/<p class="note">([^<]*)<\/p>/g)].map((m) => m[1]);

/** No number-shaped nonsense leaked into the page. */
const leaks = (html: string) => html.match(/\b(NaN|undefined|null|Infinity)\b/g) ?? [];

describe("a report with missing outcomes", () => {
  it("works on runs alone (no manifest, no series, no nexus outcomes), noting every section it leaves out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-bare-"));
    cpSync("test/fixtures/results/drill-route", dir, { recursive: true });
    const r = await build(dir);
    expect(r.notes).toEqual([
      "No regret table: none of the outcomes it ranks by (violent_events, delivered_kg, insurgent_revenue_usd, insurgent_fighters, seized_kg) are in the runs; choose one with --outcome NAME --lower-is-better (or --higher-is-better).",
      "No maps: the runs have no per-province outcomes (province.<name>.seized_kg and the like).",
      "No per-tick charts: the study kept no series (add series: { every: 10 } to the study file).",
      "No price chart: the runs have no price_mean.<market> outcomes.",
      "No scatter plots: the study samples no factor over a range (only LHS, Sobol, Saltelli and Morris designs do).",
    ]);
    for (const n of r.notes)
      expect(shownNotes(r.html)).toContain(n.replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(r.html).toContain(`No manifest.json in ${dir}`);
    // The study's own outcomes stand in for the key ones; the failed run is counted, not used.
    expect(r.html).toContain("the table shows the study&#39;s first outcomes");
    expect(r.html).toContain("1 failed run left out");
    expect(r.charts).toBe(2);
    expect(leaks(r.html)).toEqual([]);
    expect(externalRefs(r.html)).toEqual([]);
    expect(untitledSvgs(r.html)).toEqual([]);
  });

  it("ranks by an outcome the user names, once told which way it is good", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-bare-"));
    cpSync("test/fixtures/results/drill-route", dir, { recursive: true });
    const r = await build(dir, { outcome: "revenue", direction: "lower-is-better" });
    expect(r.html).toContain("choose posture “route-control”");
    const no = await buildReport(dir, { version: "test", outcome: "revenue" });
    expect(no.ok).toBe(false);
    if (!no.ok) expect(no.problems[0]!.message).toMatch(/--outcome revenue: say which way it is good/);
  });

  it("gives the drug-route economy (no insurgents) its tables, bands and prices", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-economy-"));
    const lines: string[] = [];
    const states = ["honest", "corrupt"];
    const doctrines = ["border-heavy", "corridor-heavy"];
    for (let point = 0; point < 4; point++) {
      const [s, d] = [Math.floor(point / 2), point % 2];
      for (let r = 0; r < 4; r++) {
        const outcomes = {
          delivered_kg: 75000 + 1000 * s - 900 * d + 37 * r,
          seized_kg: 3300 - 100 * s + 80 * d + 11 * r,
          "price_mean.Russia": 55000 + 100 * r,
          "price_mean.Dushanbe": 5000 + 10 * r,
          "seized_kg.TJ": 700 + r,
        };
        const factors = { "params.security.TJ.corruption": s ? 0.8 : 0.3 };
        const arm = { state: states[s]!, doctrine: doctrines[d]! };
        const id = `baseline/p${point}/r${r}`;
        lines.push(
          JSON.stringify({
            id,
            scenario: "baseline",
            point,
            replicate: r,
            factors,
            arm,
            status: "ok",
            outcomes,
          }),
        );
      }
    }
    writeFileSync(join(dir, "runs.ndjson"), `${lines.join("\n")}\n`);
    // Without outcomes.csv (a folder from before the catalogue) the report says plain names.
    const plain = await build(dir);
    expect(plain.html).toContain(
      "choose doctrine “corridor-heavy”: it does best on delivered_kg under every state",
    );
    writeFileSync(join(dir, "outcomes.csv"), outcomesCsv([economyModel.outcomes]));
    const r = await build(dir);
    expect(r.html).toContain(
      "choose doctrine “corridor-heavy”: it does best on heroin delivered under every state",
    );
    expect(r.html).toContain("Heroin delivered (kg)");
    expect(r.notes).toContain(
      "No maps: the runs have no per-province outcomes (province.<name>.seized_kg and the like).",
    );
    expect(r.html).toContain("Heroin price by market along the route");
    // Two key outcomes as boxes and the price chart.
    expect(r.charts).toBe(3);
    expect(leaks(r.html)).toEqual([]);
  });

  it("leaves out what the nexus runs lack: series, a province metric, failed runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-partial-"));
    writeSyntheticResults(dir, { replicates: 3, series: false, filler: 0, failEvery: 5 });
    // Drop one per-province metric from every run.
    const file = join(dir, "runs.ndjson");
    const rows = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    for (const row of rows) {
      for (const k of Object.keys(row.outcomes)) if (k.endsWith(".influence_days")) delete row.outcomes[k];
    }
    writeFileSync(file, `${rows.map((x) => JSON.stringify(x)).join("\n")}\n`);
    const r = await build(dir);
    expect(r.notes).toEqual([
      "No map of insurgent-influence days: the runs have no province.<name>.influence_days outcomes.",
      "No per-tick charts: the study kept no series (add series: { every: 10 } to the study file).",
      "No scatter plots: the study samples no factor over a range (only LHS, Sobol, Saltelli and Morris designs do).",
    ]);
    expect(r.html).toMatch(/\d+ failed runs? left out/);
    expect(r.maps).toBe(16);
    expect(leaks(r.html.replace(/<pre class="manifest">[\s\S]*?<\/pre>/, ""))).toEqual([]);
  });
});
