/** `pamir study` end to end: worker-count independence, kill -9 and resume, Ctrl-C, failing runs, refusals. */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const MAIN = fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), "pamir-e2e-study-"));
/** runs.ndjson without its one wall-clock field. */
const rows = (dir: string) =>
  readFileSync(join(dir, "runs.ndjson"), "utf8").replace(/"durationMs":[^,]+,/g, "");
const ids = (dir: string) =>
  rows(dir)
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).id as string);
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").length - 1 : 0);

/**
 * Start `pamir study <file> --out <dir> …`, wait until runs.ndjson has `rowsBefore` lines, send
 * `signal`, and resolve with the exit code (or the signal) and output.
 */
function interrupt(
  file: string,
  dir: string,
  rowsBefore: number,
  signal: NodeJS.Signals,
  extra: string[] = [],
  ready: () => boolean = () => true,
) {
  return new Promise<{ code: number | null; signal: string | null; stderr: string; seen: number }>(
    (resolve) => {
      const child = spawn(process.execPath, [MAIN, "study", file, "--out", dir, ...extra], { cwd: ROOT });
      let stderr = "";
      let seen = 0;
      child.stderr.on("data", (d) => {
        stderr += String(d);
      });
      child.stdout.resume();
      const poll = setInterval(() => {
        seen = lines(join(dir, "runs.ndjson"));
        if (seen >= rowsBefore && ready()) {
          clearInterval(poll);
          child.kill(signal);
        }
      }, 10);
      child.on("exit", (code, sig) => {
        clearInterval(poll);
        resolve({ code, signal: sig, stderr, seen });
      });
    },
  );
}

describe("pamir study", () => {
  it("gives identical runs.ndjson and runs.csv with 1 and 2 workers (the economy study)", () => {
    const one = tmp();
    const two = tmp();
    const study = "scenarios/studies/economy-doctrine.yaml";
    const a = pamir("study", study, "--workers", "1", "--out", one);
    const b = pamir("study", study, "--workers", "2", "--out", two);
    expect(a.stderr).toBe("");
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toMatch(/120 runs, 0 failed, in /);
    expect(ids(one)).toHaveLength(120);
    expect(rows(two)).toBe(rows(one));
    expect(readFileSync(join(two, "runs.csv"), "utf8")).toBe(readFileSync(join(one, "runs.csv"), "utf8"));
    const summary = readFileSync(join(one, "summary.csv"), "utf8");
    expect(summary.split("\n").length).toBeGreaterThan(4);
    expect(readFileSync(join(two, "summary.csv"), "utf8")).toBe(summary);
    // The factors took effect: the two doctrines give different mean seizures in Tajikistan.
    const tj = (doctrine: string) => {
      const v = rows(one)
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
        .filter((r) => r.arm.doctrine === doctrine)
        .map((r) => r.outcomes["seized_kg.TJ"] ?? 0);
      return v.reduce((s: number, x: number) => s + x, 0) / v.length;
    };
    expect(tj("border-heavy")).not.toBe(tj("corridor-heavy"));
  }, 120_000);

  it("resumes after kill -9 to exactly the runs of an uninterrupted study, none twice", async () => {
    const study = "test/fixtures/studies/resume.yaml";
    const clean = tmp();
    expect(pamir("study", study, "--out", clean, "--quiet").code).toBe(0);
    const dir = tmp();
    // Killed once 300 runs are in runs.ndjson and the parts of some of them are whole on disk (a
    // part follows its lines by design, so killing at a line count alone may come before any part,
    // and a part is written under its name, so one seen by name may still be cut short by the kill).
    const whole = (f: string) => {
      let b: Buffer;
      try {
        b = readFileSync(f);
      } catch {
        return false; // compacted away between the listing and the read
      }
      return b.length > 12 && b.subarray(0, 4).toString() === "PAR1" && b.subarray(-4).toString() === "PAR1";
    };
    const partsOn = () => {
      const p = join(dir, "parts");
      if (!existsSync(p)) return false;
      const fs = readdirSync(p).filter((f) => whole(join(p, f)));
      return (
        fs.some((f) => /^runs-\d{12}-\d{12}\.parquet$/.test(f)) && fs.some((f) => f.startsWith("series-"))
      );
    };
    const killed = await interrupt(study, dir, 300, "SIGKILL", [], partsOn);
    expect(killed.signal).toBe("SIGKILL");
    const left = lines(join(dir, "runs.ndjson"));
    expect(left).toBeGreaterThanOrEqual(300);
    expect(left).toBeLessThan(4000); // killed mid-way
    // The killed study's parts are there, and DuckDB reads them: every run they hold is in runs.ndjson.
    const parts = readdirSync(join(dir, "parts"));
    expect(parts.some((f) => /^runs-\d{12}-\d{12}\.parquet$/.test(f))).toBe(true);
    expect(parts.some((f) => /^series-\d{12}-\d{12}\.parquet$/.test(f))).toBe(true);
    const q = pamir(
      "query",
      dir,
      "SELECT count(*) AS n, count(DISTINCT id) AS d FROM runs",
      "--format",
      "json",
    );
    expect(q.stderr).toBe("");
    expect(q.code).toBe(0);
    const { n, d } = JSON.parse(q.stdout);
    expect(n).toBe(d);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(lines(join(dir, "runs.ndjson")));
    const resumed = pamir("study", study, "--out", dir, "--resume", "--quiet");
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/4000 runs, 0 failed, in .*resumed/);
    const got = ids(dir);
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual(ids(clean));
    expect(rows(dir)).toBe(rows(clean));
    expect(readFileSync(join(dir, "runs.csv"), "utf8")).toBe(readFileSync(join(clean, "runs.csv"), "utf8"));
    expect(readFileSync(join(dir, "summary.csv"), "utf8")).toBe(
      readFileSync(join(clean, "summary.csv"), "utf8"),
    );
    // The tables hold no run times and are written in plan order: the same bytes as the uninterrupted study's.
    for (const f of ["runs.parquet", "outcomes.parquet", "series.parquet"])
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(clean, f))), f).toBe(true);
    // 4000 runs and their series, in a fixed set of files: none per run, no parts left.
    const files = readdirSync(dir).sort();
    expect(files).toEqual(readdirSync(clean).sort());
    expect(files.filter((f) => f !== "inputs")).toEqual([
      "datapackage.json",
      "manifest.json",
      "outcomes.csv",
      "outcomes.parquet",
      "runs.csv",
      "runs.ndjson",
      "runs.parquet",
      "series.parquet",
      "summary.csv",
      "summary.json",
    ]);
  }, 120_000);

  it("stops on Ctrl-C with exit 130, keeping finished runs and saying how to resume", async () => {
    const study = "test/fixtures/studies/resume.yaml";
    const dir = tmp();
    const r = await interrupt(study, dir, 200, "SIGINT", ["--workers", "1"]);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted: \d+ of 4000 runs done \(0 failed\)/);
    expect(r.stderr).toContain(`resume with: pamir study ${study} --out ${dir} --resume`);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest.endedAt).toBeNull();
    expect(manifest.counts.done).toBe(lines(join(dir, "runs.ndjson")));
    expect(manifest.counts.done).toBeGreaterThanOrEqual(200);
  }, 60_000);

  it("finishes a study whose runs fail for some values, marks them failed and exits 1", () => {
    const dir = tmp();
    const r = pamir("study", "test/fixtures/studies/failing.yaml", "--out", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/6 runs, 3 failed, in /);
    expect(r.stderr).toMatch(/^pamir: 3 of 6 runs failed; their errors are in .*runs\.ndjson$/m);
    const all = rows(dir)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(all.filter((x) => x.status === "failed").map((x) => x.id)).toEqual([
      "tiny-scenario/p1/r0",
      "tiny-scenario/p1/r1",
      "tiny-scenario/p1/r2",
    ]);
    // A failed run keeps its problems as structured entries: the model's check, at the offending value.
    for (const f of all.filter((x) => x.status === "failed")) {
      expect(f.error).toBeUndefined();
      expect(f.problems).toEqual([
        { kind: "check", path: "params.agents", message: "must be ≤ 100, the free cells of the grid" },
      ]);
    }
  });

  it("prints plain progress lines when stdout is not a terminal", () => {
    const r = pamir("study", "test/fixtures/studies/tiny.yaml", "--out", tmp());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^24\/24 runs {2}[\d.]+ runs\/s {2}ETA 0 s {2}0 failed$/m);
    expect(r.stdout).not.toContain("\r");
    expect(r.stdout).not.toContain(String.fromCharCode(27)); // no terminal escapes
  });

  it("reports a bad study file with located errors and exit 2", () => {
    const r = pamir("study", "test/fixtures/studies/tiny-scenario.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tiny-scenario\.yaml:\d+:\d+ {2}/);
    expect(r.stderr).toMatch(/^pamir: test\/fixtures\/studies\/tiny-scenario\.yaml: \d+ problems?$/m);
  });

  it("refuses to mix two studies in one folder unless --force, naming both hashes", () => {
    const dir = tmp();
    expect(pamir("study", "test/fixtures/studies/tiny.yaml", "--out", dir, "--quiet").code).toBe(0);
    const r = pamir("study", "test/fixtures/studies/failing.yaml", "--out", dir, "--quiet");
    expect(r.code).toBe(2);
    const hashes = r.stderr.match(/[0-9a-f]{64}/g) ?? [];
    expect(new Set(hashes).size).toBe(2);
    expect(r.stderr).toMatch(/--force/);
    expect(
      pamir("study", "test/fixtures/studies/failing.yaml", "--out", dir, "--force", "--quiet").code,
    ).toBe(1);
    expect(pamir("study", "test/fixtures/studies/tiny.yaml", "--resume", "--force").code).toBe(2);
  });

  it("refuses a folder of foreign files, deleting nothing, and under --force deletes only study files", () => {
    const dir = tmp();
    mkdirSync(join(dir, "series"));
    writeFileSync(join(dir, "series", "mine.txt"), "mine");
    writeFileSync(join(dir, "notes.tmp"), "notes");
    const r = pamir("study", "test/fixtures/studies/tiny.yaml", "--out", dir, "--quiet");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /is not empty and holds no study \(notes\.tmp, series\/mine\.txt\); nothing was deleted/,
    );
    expect(readdirSync(dir).sort()).toEqual(["notes.tmp", "series"]);
    const forced = pamir("study", "test/fixtures/studies/tiny.yaml", "--out", dir, "--force", "--quiet");
    expect(forced.code).toBe(0);
    writeFileSync(join(dir, "x.tmp"), "mine");
    const again = pamir("study", "test/fixtures/studies/failing.yaml", "--out", dir, "--force", "--quiet");
    expect(again.code).toBe(1);
    expect(readFileSync(join(dir, "series", "mine.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(dir, "notes.tmp"), "utf8")).toBe("notes");
    expect(readFileSync(join(dir, "x.tmp"), "utf8")).toBe("mine");
    expect(existsSync(join(dir, "series", "tiny-scenario"))).toBe(false); // the first study's series went
  });

  it("explains a truncated manifest.json and resumes with --rebuild-manifest", () => {
    const dir = tmp();
    expect(pamir("study", "test/fixtures/studies/tiny.yaml", "--out", dir, "--quiet").code).toBe(0);
    const m = readFileSync(join(dir, "manifest.json"), "utf8");
    writeFileSync(join(dir, "manifest.json"), m.slice(0, 100));
    const r = pamir("study", "test/fixtures/studies/tiny.yaml", "--out", dir, "--quiet");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/manifest\.json is damaged \(not valid JSON: .*\).*--rebuild-manifest/);
    const fixed = pamir("study", "test/fixtures/studies/tiny.yaml", "--out", dir, "--rebuild-manifest");
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/24 runs, 0 failed, in .*, 24 resumed/);
    expect(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).counts.done).toBe(24);
  });
});
