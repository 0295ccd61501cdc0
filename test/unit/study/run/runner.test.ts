/** runStudy with the inline executor: plan-ordered files, resume after stop or a torn line, refusals. */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { type LoadedStudy, loadStudyFile, loadStudyText } from "../../../../src/study/load.js";
import type { BatchContext } from "../../../../src/study/run/batch.js";
import { type Executor, inlineExecutor } from "../../../../src/study/run/executor.js";
import { type RunStudyOptions, runStudy } from "../../../../src/study/run/runner.js";
import { readTable } from "../../../../src/study/tables/parquet.js";

function load(file: string): LoadedStudy {
  const r = loadStudyFile(file);
  if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
  return r.study;
}

const tmp = () => mkdtempSync(join(tmpdir(), "pamir-study-"));
const opts = (out: string, extra: Partial<RunStudyOptions> = {}): RunStudyOptions => ({
  out,
  workers: 1,
  mode: "auto",
  version: "test",
  executor: (ctx) => inlineExecutor(ctx),
  ...extra,
});
/** runs.ndjson without the wall-clock field. */
const rows = (dir: string) =>
  readFileSync(join(dir, "runs.ndjson"), "utf8").replace(/"durationMs":[^,]+,/g, "");
const ids = (dir: string) =>
  rows(dir)
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).id as string);

/** First plan index of each batch, in the order batches finished (filled by `shuffling`). */
const finished: number[] = [];

/** An executor that finishes batches out of order: each waits a seeded random number of turns. */
function shuffling(ctx: BatchContext, workers: number): Executor {
  const inner = inlineExecutor(ctx);
  const rng = createRngHub(3).stream("delays");
  return {
    workers,
    run: async (tasks) => {
      for (let k = rng.below(6); k > 0; k--) await new Promise((r) => setTimeout(r, 1));
      const reply = await inner.run(tasks);
      if (tasks[0]) finished.push(tasks[0].index);
      return reply;
    },
    close: inner.close,
    destroy: inner.destroy,
  };
}

describe("runStudy", () => {
  const tiny = load("test/fixtures/studies/tiny.yaml");

  it("writes every run once, in plan order, with csv, series.parquet and manifest", async () => {
    const dir = tmp();
    const r = await runStudy(tiny, opts(dir));
    expect(r).toMatchObject({ ok: true, status: "finished", counts: { planned: 24, done: 24, failed: 0 } });
    const expected = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((p) =>
      [0, 1, 2].map((k) => `tiny-scenario/p${p}/r${k}`),
    );
    expect(ids(dir)).toEqual(expected);
    const csv = readFileSync(join(dir, "runs.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(25);
    expect(csv[0]).toBe(
      "id,scenario,point,replicate,seed,status,error,params.radius,params.minToBeHappy,reach,happy_share,moves_last_tick,moves_total,segregation",
    );
    // One series table, no file per run; every run's series are in it, in plan order.
    expect(existsSync(join(dir, "series"))).toBe(false);
    expect(existsSync(join(dir, "parts"))).toBe(false);
    const series = await readTable(join(dir, "series.parquet"));
    expect([...new Set(series.map((r) => r.id))]).toEqual(expected);
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(m).toMatchObject({ study: "Tiny Schelling study", studyHash: tiny.hash, counts: { done: 24 } });
    expect(m.endedAt).not.toBeNull();
    expect(m.arms).toEqual({ reach: { path: "params.radius", labels: { near: 1, far: 2 } } });
  });

  it("writes the same runs.ndjson and runs.csv whatever order batches finish in", async () => {
    const a = tmp();
    const b = tmp();
    await runStudy(tiny, opts(a));
    await runStudy(tiny, opts(b, { workers: 3, executor: shuffling }));
    expect(finished).not.toEqual([...finished].sort((x, y) => x - y)); // they did finish out of order
    expect(rows(b)).toBe(rows(a));
    expect(readFileSync(join(b, "runs.csv"), "utf8")).toBe(readFileSync(join(a, "runs.csv"), "utf8"));
  });

  it("stops on request keeping finished runs, then resumes to the uninterrupted result", async () => {
    const fresh = tmp();
    await runStudy(tiny, opts(fresh));
    const dir = tmp();
    const stop = new AbortController();
    const r1 = await runStudy(
      tiny,
      opts(dir, { stop: stop.signal, onProgress: (p) => p.done >= 5 && stop.abort() }),
    );
    expect(r1).toMatchObject({ ok: true, status: "interrupted" });
    if (!r1.ok) return;
    expect(r1.counts.done).toBeGreaterThanOrEqual(5);
    expect(r1.counts.done).toBeLessThan(24);
    expect(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).endedAt).toBeNull();
    // A crash in the middle of an append leaves a torn line: it is cut off and that run redone.
    appendFileSync(join(dir, "runs.ndjson"), '{"id":"tiny-scenario/p7/r2","scenario":"tin');
    const r2 = await runStudy(tiny, opts(dir));
    expect(r2).toMatchObject({ ok: true, status: "finished", resumed: r1.counts.done, tornLine: true });
    expect(rows(dir)).toBe(rows(fresh));
  });

  it("refuses another study's folder unless forced, naming both hashes", async () => {
    const dir = tmp();
    await runStudy(tiny, opts(dir));
    const text = readFileSync("test/fixtures/studies/tiny.yaml", "utf8").replace("seed: 7", "seed: 8");
    const other = loadStudyText(text, "test/fixtures/studies/tiny.yaml");
    if (!other.ok) throw new Error("fixture must load");
    const refused = await runStudy(other.study, opts(dir));
    expect(refused).toMatchObject({
      ok: false,
      problems: [
        {
          kind: "results",
          file: dir,
          message: `${dir} holds results of a different study (hash ${tiny.hash}); this study's hash is ${other.study.hash}`,
          data: { reason: "hashMismatch", found: tiny.hash, expected: other.study.hash },
        },
      ],
    });
    const forced = await runStudy(other.study, opts(dir, { mode: "force" }));
    expect(forced).toMatchObject({ ok: true, status: "finished", resumed: 0 });
    expect(rows(dir)).not.toBe("");
  });

  it("refuses --resume where there is nothing to resume, and a runs file without manifest", async () => {
    const r = await runStudy(tiny, opts(tmp(), { mode: "resume" }));
    expect(r).toMatchObject({
      ok: false,
      problems: [{ kind: "results", data: { reason: "nothingToResume" } }],
    });
    const dir = tmp();
    writeFileSync(join(dir, "runs.ndjson"), '{"id":"x"}\n');
    writeFileSync(join(dir, "notes.txt"), "mine");
    expect(await runStudy(tiny, opts(dir))).toMatchObject({
      ok: false,
      problems: [{ kind: "results", data: { reason: "notAStudyFolder" } }],
    });
    expect(await runStudy(tiny, opts(dir, { mode: "force" }))).toMatchObject({
      ok: true,
      status: "finished",
    });
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine"); // --force deletes only a study's own files
  });

  it("records failing runs and finishes, then calls the summary writer", async () => {
    const dir = tmp();
    const seen: string[] = [];
    const r = await runStudy(
      load("test/fixtures/studies/failing.yaml"),
      opts(dir, {
        summarize: async (d) => {
          seen.push(d);
          return { ok: true };
        },
      }),
    );
    expect(r).toMatchObject({ ok: true, status: "finished", counts: { planned: 6, done: 6, failed: 3 } });
    expect(seen).toEqual([dir]);
    const failed = rows(dir)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((x) => x.status === "failed");
    expect(failed.map((x) => x.factors["params.agents"])).toEqual([150, 150, 150]);
  });
});
