/**
 * `pamir calibrate` end to end: it recovers three known parameters of the drug-route economy
 * (the shipped calibration at a small budget), gives the same bytes for 1 and 2 workers and
 * after a kill -9 and a rerun, refuses an infeasible prior with a located line, writes its
 * fitted values into the scenarios it names with --apply, is cut short or extended by
 * generations without running again what it has, and its folder gets a report.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { pamir, ROOT } from "./cli.js";

const MAIN = fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), "pamir-e2e-calibrate-"));
const RESUME = "test/fixtures/calibration/resume.yaml";
/** The files a calibration's result is made of (calibration.json holds times, so it is left out). */
const RESULT = [
  "evaluations.ndjson",
  "posterior.csv",
  "posterior.json",
  "convergence.csv",
  "fit.csv",
  "fitted.yaml",
];
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").length - 1 : 0);

/** Start `pamir calibrate <file> --out <dir>`, SIGKILL it once the journal has `rows` lines. */
function killAfter(file: string, dir: string, rows: number) {
  return new Promise<{ signal: string | null; seen: number }>((resolve) => {
    const child = spawn(process.execPath, [MAIN, "calibrate", file, "--out", dir, "--quiet"], { cwd: ROOT });
    child.stdout.resume();
    child.stderr.resume();
    let seen = 0;
    const poll = setInterval(() => {
      seen = lines(join(dir, "evaluations.ndjson"));
      if (seen >= rows) {
        clearInterval(poll);
        child.kill("SIGKILL");
      }
    }, 10);
    child.on("exit", (_code, signal) => {
      clearInterval(poll);
      resolve({ signal, seen });
    });
  });
}

describe("pamir calibrate", () => {
  it("recovers the economy's carriage cost, bribe share and choice temperature within 10 %", () => {
    // The shipped calibration at a smaller budget; the scenario path made absolute for the copy.
    const doc = parse(readFileSync("scenarios/calibration/economy-recovery.yaml", "utf8"));
    doc.scenario = join(ROOT, "scenarios/baseline.yaml");
    doc.method = { ...doc.method, population: 30, generations: 7 };
    doc.fitSeeds = 10;
    const dir = tmp();
    const file = join(dir, "small.yaml");
    writeFileSync(file, stringify(doc));
    const out = join(dir, "out");
    const r = pamir("calibrate", file, "--out", out, "--workers", "2");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const post = JSON.parse(readFileSync(join(out, "posterior.json"), "utf8")) as {
      parameters: { name: string; mean: number }[];
    };
    const truth: Record<string, number> = { carriage_cost: 40, bribe_share: 0.1, choice_temperature: 12_000 };
    for (const p of post.parameters) expect(Math.abs(p.mean / truth[p.name]! - 1)).toBeLessThan(0.1);
    const fit = JSON.parse(readFileSync(join(out, "fit.json"), "utf8")) as { inside: boolean }[];
    expect(fit).toHaveLength(4);
    expect(fit.every((t) => t.inside)).toBe(true);
    const fitted = readFileSync(join(out, "fitted.yaml"), "utf8");
    const hash = (
      JSON.parse(readFileSync(join(out, "calibration.json"), "utf8")) as { calibrationHash: string }
    ).calibrationHash;
    expect(fitted).toContain(`calibration hash ${hash}`);
    expect(pamir("validate", join(out, "fitted.yaml")).code).toBe(0);
    const report = pamir("report", out);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/3 charts/);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("delivered_kg.Dushanbe");
  }, 900_000);

  it("gives the same files for 1 and 2 workers, and after a kill -9 and the same command again", async () => {
    const one = tmp();
    const two = tmp();
    expect(pamir("calibrate", RESUME, "--out", one, "--workers", "1", "--quiet").code).toBe(0);
    expect(pamir("calibrate", RESUME, "--out", two, "--workers", "2", "--quiet").code).toBe(0);
    for (const f of RESULT)
      expect(readFileSync(join(two, f), "utf8")).toBe(readFileSync(join(one, f), "utf8"));

    const dir = tmp();
    const killed = await killAfter(RESUME, dir, 20);
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(join(dir, "posterior.csv"))).toBe(false); // killed mid-way
    const again = pamir("calibrate", RESUME, "--out", dir);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/evaluations resumed/);
    for (const f of RESULT)
      expect(readFileSync(join(dir, f), "utf8")).toBe(readFileSync(join(one, f), "utf8"));
  }, 600_000);

  it("refuses an infeasible prior and an unknown outcome with located one-line errors, exit 2", () => {
    const dir = tmp();
    const file = join(dir, "bad.yaml");
    const text = readFileSync(RESUME, "utf8")
      .replace(
        "scenario: ../../../scenarios/baseline.yaml",
        `scenario: ${join(ROOT, "scenarios/baseline.yaml")}`,
      )
      .replace("{ min: 0.03, max: 0.3 }", "{ min: 0.3, max: 0.03 }");
    writeFileSync(file, text);
    const r = pamir("calibrate", file, "--out", join(dir, "out"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /bad\.yaml:\d+:\d+ {2}parameters\["params\.traffickers\.bribeShare"\]\.max {2}must be greater than min/,
    );
    writeFileSync(
      file,
      text.replace("{ min: 0.3, max: 0.03 }", "{ min: 0.03, max: 0.3 }").replace("bribes_usd:", "bribes_us:"),
    );
    const o = pamir("calibrate", file, "--out", join(dir, "out"));
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(
      /bad\.yaml:\d+:3 {2}targets\.bribes_us {2}is not an outcome of model "economy" \(did you mean "bribes_usd"\?\)/,
    );
  }, 120_000);

  it("writes the best particle's values into its applyTo scenarios with --apply, citing its hash, and keeps apply: false ones", () => {
    const dir = tmp();
    const scenario = join(dir, "economy.yaml");
    const before = readFileSync(join(ROOT, "scenarios/baseline.yaml"), "utf8");
    writeFileSync(scenario, before);
    const file = join(dir, "apply.yaml");
    const c = parse(readFileSync(RESUME, "utf8"));
    c.scenario = join(ROOT, "scenarios/baseline.yaml");
    c.parameters["params.traffickers.bribeShare"].apply = false;
    c.point = "best";
    c.pointCandidates = 3;
    writeFileSync(file, stringify(c));
    const none = pamir("calibrate", file, "--out", join(dir, "none"), "--apply", "--quiet");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--apply needs scenarios to write into/);
    writeFileSync(file, stringify({ ...c, applyTo: ["economy.yaml"] }));
    const out = join(dir, "out");
    const r = pamir("calibrate", file, "--out", out, "--apply", "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `fitted values written into ${scenario} (kept as they were: params.traffickers.bribeShare)`,
    );
    const post = JSON.parse(readFileSync(join(out, "posterior.json"), "utf8"));
    const manifest = JSON.parse(readFileSync(join(out, "calibration.json"), "utf8"));
    const cost = post.parameters.find(
      (p: { path: string }) => p.path === "params.transport.baseUsdPerKgCell",
    );
    // point: best — the 3 particles nearest when accepted were re-simulated; the nearest then is written.
    expect(post.point.kind).toBe("best");
    expect(post.point.candidates).toHaveLength(3);
    type Tried = { generation: number; draw: number; refit: number };
    const chosen = (post.point.candidates as Tried[]).reduce((a, b) => (b.refit < a.refit ? b : a));
    const particle = post.particles.find(
      (q: { generation: number; draw: number }) =>
        q.generation === chosen.generation && q.draw === chosen.draw,
    );
    expect(cost.fitted).toBe(Number(particle.parameters[cost.name].toPrecision(6)));
    expect(pamir("report", out).code).toBe(0);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain(
      `runs at the best particle (generation ${chosen.generation}, draw ${chosen.draw})`,
    );
    const applied = parse(readFileSync(scenario, "utf8"));
    expect(applied.params.transport.baseUsdPerKgCell).toBe(cost.fitted);
    expect(applied.params.traffickers.bribeShare).toBe(parse(before).params.traffickers.bribeShare);
    const line = readFileSync(scenario, "utf8")
      .split("\n")
      .find((l) => l.includes("baseUsdPerKgCell"));
    expect(line).toContain(`calibration ${String(manifest.calibrationHash).slice(0, 12)}`);
    // The scenario still loads, and the same calibration resumes (applyTo is not part of its hash).
    expect(pamir("run", scenario, "--ticks", "5").code).toBe(0);
    const again = pamir("calibrate", file, "--out", out, "--quiet");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/evaluations resumed/);
  }, 120_000);

  it("cut short to fewer generations, or extended again, gives the files of a calibration run so from the start", () => {
    const dir = tmp();
    const c = parse(readFileSync(RESUME, "utf8"));
    c.scenario = join(ROOT, "scenarios/baseline.yaml");
    const file = join(dir, "c.yaml");
    const files = (out: string) => RESULT.map((f) => readFileSync(join(out, f), "utf8"));
    const calibrate = (generations: number, out: string) => {
      writeFileSync(file, stringify({ ...c, method: { ...c.method, generations } }));
      const r = pamir("calibrate", file, "--out", out, "--quiet");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return r.stdout;
    };
    calibrate(2, join(dir, "two"));
    const out = join(dir, "grown");
    calibrate(3, out);
    const three = files(out);
    expect(three).not.toEqual(files(join(dir, "two")));
    expect(calibrate(2, out)).toMatch(/evaluations resumed/);
    expect(files(out)).toEqual(files(join(dir, "two")));
    expect(calibrate(3, out)).toMatch(/evaluations resumed/);
    expect(files(out)).toEqual(three);
  }, 300_000);
});
