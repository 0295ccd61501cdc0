/**
 * Table parts while a study runs: after an interruption the runs parts cover exactly the lines of
 * runs.ndjson (no line twice, none left out), a part a crash never wrote is rebuilt from
 * runs.ndjson on resume, and a series part of a batch whose rows never reached runs.ndjson does
 * not put a second copy of a run into series.parquet; a query of a killed study reads the parts
 * it can and leaves out one cut short.
 */
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { type LoadedStudy, loadStudyFile } from "../../../../src/study/load.js";
import { openSession } from "../../../../src/study/results/session.js";
import { inlineExecutor } from "../../../../src/study/run/executor.js";
import { type RunStudyOptions, runStudy } from "../../../../src/study/run/runner.js";
import { endsWhole, readTable } from "../../../../src/study/tables/parquet.js";
import { listParts, PARTS_DIR, partName, readableParts } from "../../../../src/study/tables/parts.js";
import { queryResults } from "../../../../src/study/tables/sql.js";

function load(file: string): LoadedStudy {
  const r = loadStudyFile(file);
  if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
  return r.study;
}
const tmp = () => mkdtempSync(join(tmpdir(), "pamir-parts-"));
const opts = (out: string, extra: Partial<RunStudyOptions> = {}): RunStudyOptions => ({
  out,
  workers: 1,
  mode: "auto",
  version: "test",
  executor: (ctx) => inlineExecutor(ctx),
  ...extra,
});
const lineIds = (dir: string) =>
  readFileSync(join(dir, "runs.ndjson"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).id as string);

/** The run ids the runs parts of `dir` hold, part by part in byte order. */
async function partIds(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of listParts(dir, "runs"))
    for (const r of await readTable(join(dir, PARTS_DIR, p.name), ["id"])) out.push(r.id as string);
  return out;
}

/** Run `study` into `dir` until `runs` are done, then stop. */
async function interrupted(study: LoadedStudy, dir: string, runs: number) {
  const stop = new AbortController();
  const r = await runStudy(
    study,
    opts(dir, { stop: stop.signal, onProgress: (p) => p.done >= runs && stop.abort() }),
  );
  expect(r).toMatchObject({ ok: true, status: "interrupted" });
}

describe("table parts", () => {
  const tiny = load("test/fixtures/studies/tiny.yaml");

  it("cover exactly the lines of runs.ndjson after an interruption, and go when the study finishes", async () => {
    const dir = tmp();
    await interrupted(tiny, dir, 6);
    expect(await partIds(dir)).toEqual(lineIds(dir));
    const series = listParts(dir, "series");
    expect(series.length).toBeGreaterThan(0);
    expect(series.map((p) => [p.from, p.to])).toEqual(listParts(dir, "runs").map((p) => [p.from, p.to]));
    expect(await runStudy(tiny, opts(dir))).toMatchObject({ ok: true, status: "finished" });
    expect(existsSync(join(dir, PARTS_DIR))).toBe(false);
  });

  it("rebuilds on resume the runs parts a crash left out, from runs.ndjson", async () => {
    const dir = tmp();
    await interrupted(tiny, dir, 9);
    const parts = listParts(dir, "runs");
    expect(parts.length).toBeGreaterThan(0);
    // As if the process died after appending the lines but before writing their parts; and a
    // part cut short by the crash (it is no Parquet file, and goes).
    const cut = join(dir, PARTS_DIR, partName("runs", 10 ** 9, 10 ** 9 + 5));
    writeFileSync(cut, "PAR1 cut short");
    for (const p of [parts[0]!, parts[parts.length - 1]!])
      rmSync(join(dir, PARTS_DIR, p.name), { force: true });
    const open = openSession(tiny, { out: dir, mode: "resume", version: "test" });
    if (!open.ok) throw new Error(open.problems[0]!.message);
    open.session.close();
    expect(existsSync(cut)).toBe(false);
    expect((await partIds(dir)).sort()).toEqual(lineIds(dir).sort());
  });

  it("keeps one copy of a run's series when its batch's lines never reached runs.ndjson", async () => {
    const clean = tmp();
    expect(await runStudy(tiny, opts(clean))).toMatchObject({ ok: true, status: "finished" });
    const dir = tmp();
    await interrupted(tiny, dir, 6);
    // The last batch's series part stays, its lines go: the crash came between the two writes.
    const last = listParts(dir, "runs").at(-1)!;
    const text = readFileSync(join(dir, "runs.ndjson"));
    rmSync(join(dir, "runs.ndjson"));
    appendFileSync(join(dir, "runs.ndjson"), text.subarray(0, last.from));
    rmSync(join(dir, PARTS_DIR, last.name));
    expect(await runStudy(tiny, opts(dir))).toMatchObject({ ok: true, status: "finished" });
    for (const f of ["runs.parquet", "outcomes.parquet", "series.parquet"])
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(clean, f))), f).toBe(true);
    expect(readdirSync(dir)).not.toContain(PARTS_DIR);
  });

  it("leave a part cut short out of a query of the killed study, whatever byte the cut came at", async () => {
    const dir = tmp();
    await interrupted(tiny, dir, 9);
    const before = (await partIds(dir)).length;
    expect(before).toBeGreaterThan(0);
    // A copy of a whole part under the name of a later batch's part, as a crash may cut it short.
    const bytes = readFileSync(join(dir, PARTS_DIR, listParts(dir, "runs")[0]!.name));
    const cut = join(dir, PARTS_DIR, partName("runs", 10 ** 9, 10 ** 9 + 5));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (n) => {
        writeFileSync(cut, bytes.subarray(0, n));
        return !endsWhole(cut) && !readableParts(dir, "runs").includes(cut);
      }),
      { numRuns: 200 },
    );
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const q = await queryResults(dir, "SELECT count(*) AS n, count(DISTINCT id) AS d FROM runs");
    expect(q.rows[0]).toEqual([before, before]);
    // Whole, it is read (its runs a second time: the query reads what is on disk).
    writeFileSync(cut, bytes);
    expect(endsWhole(cut)).toBe(true);
    const held = (await readTable(cut, ["id"])).length;
    expect((await queryResults(dir, "SELECT count(*) FROM runs")).rows[0]).toEqual([before + held]);
  });
});
