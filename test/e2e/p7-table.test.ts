/**
 * scripts/p7-table.mjs on a small study of the route-control scenario (three arms of
 * `params.shifts`, 3 seeds, 40 days): one row per P7 signature, model means equal to the runs',
 * a table of single changes, and a located error for a folder without runs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const SCRIPT = join(ROOT, "scripts", "p7-table.mjs");
const table = (dir: string) => spawnSync(process.execPath, [SCRIPT, dir], { cwd: ROOT, encoding: "utf8" });

const STUDY = `name: p7 small
scenario: ${join(ROOT, "scenarios", "central-asia-route-control.yaml")}
seed: 7
replicates: 3
ticks: 40
factors:
  params.shifts:
    name: period
    values: [{}, { supplyScale: 0.58, interdictionScale: { KZ: 1.75, RU: 0.29 }, priceScale: { Russia: 0.875 } }, { supplyScale: 0.58 }]
    labels: [2008-12, 2013-16, supply-south]
`;

/** Cells of the markdown row whose first cell starts with `label`. */
function rowOf(out: string, label: string): string[] {
  const line = out.split("\n").find((l) => l.startsWith(`| ${label}`));
  expect(line, label).toBeDefined();
  return line!
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());
}

describe("p7-table.mjs", () => {
  it("prints one row per P7 signature from a study's runs, and each single change", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-e2e-p7-"));
    const file = join(dir, "p7.yaml");
    writeFileSync(file, STUDY);
    const out = join(dir, "results");
    const study = pamir("study", file, "--out", out, "--quiet", "--workers", "2");
    expect(study.code, study.stderr).toBe(0);
    const r = table(out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Runs per arm: 2008-12 3, 2013-16 3, supply-south 3.");
    for (const label of [
      "heroin price, southern Kazakhstan",
      "Kazakh heroin seizures",
      "Uzbek heroin seizures",
    ])
      expect(rowOf(r.stdout, label)).toHaveLength(8);
    expect(rowOf(r.stdout, "CSTO Kanal heroin haul").at(-1)).toBe("— (no outcome)");
    // The flow row's means are the runs' means of flow_t_per_year, arm by arm.
    const runs = readFileSync(join(out, "runs.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const meanFlow = (point: number) => {
      const xs = runs.filter((x) => x.point === point).map((x) => x.outcomes.flow_t_per_year as number);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    const flow = rowOf(r.stdout, "heroin on the route");
    expect(flow[3]).toBe(meanFlow(0).toFixed(1));
    expect(flow[4]).toBe(meanFlow(1).toFixed(1));
    expect(flow[6]).toBe((meanFlow(1) / meanFlow(0)).toFixed(2));
    expect(flow[7]).toMatch(/^yes \(down\); the supply shift's size: not a test$/);
    expect(r.stdout).toContain("| signature | supply-south − 2008-12 |");
  }, 180_000);

  it("exits 2 with a one-line error when the folder has no runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-e2e-p7-"));
    const r = table(dir);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("runs.ndjson: cannot read");
  });
});
