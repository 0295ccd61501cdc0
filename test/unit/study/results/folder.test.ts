/** Results folders never lose a foreign file: refusals that name what is there, --force, a damaged manifest. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { type LoadedStudy, loadStudyFile, loadStudyText } from "../../../../src/study/load.js";
import { inlineExecutor } from "../../../../src/study/run/executor.js";
import { type RunStudyOptions, runStudy } from "../../../../src/study/run/runner.js";

function load(file: string): LoadedStudy {
  const r = loadStudyFile(file);
  if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
  return r.study;
}

const tmp = () => mkdtempSync(join(tmpdir(), "pamir-folder-"));
const opts = (out: string, extra: Partial<RunStudyOptions> = {}): RunStudyOptions => ({
  out,
  workers: 1,
  mode: "auto",
  version: "test",
  executor: (ctx) => inlineExecutor(ctx),
  summarize: async () => ({ ok: true }),
  ...extra,
});
const rows = (dir: string) =>
  readFileSync(join(dir, "runs.ndjson"), "utf8").replace(/"durationMs":[^,]+,/g, "");
/** Write `text` to `dir/rel`, making its folder. */
const put = (dir: string, rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

describe("a results folder", () => {
  const tiny = load("test/fixtures/studies/tiny.yaml");
  const text = readFileSync("test/fixtures/studies/tiny.yaml", "utf8");
  const other = loadStudyText(text.replace("seed: 7", "seed: 8"), "test/fixtures/studies/tiny.yaml");
  if (!other.ok) throw new Error("fixture must load");

  it("that is not empty and holds no study is refused, naming what is there, and nothing is deleted", async () => {
    const dir = tmp();
    put(dir, "series/mine.txt", "mine");
    put(dir, "notes.tmp", "notes");
    const r = await runStudy(tiny, opts(dir));
    expect(r).toMatchObject({ ok: false, problems: [{ kind: "results", data: { reason: "foreignFiles" } }] });
    if (r.ok) return;
    expect(r.problems[0]!.message).toContain("notes.tmp");
    expect(r.problems[0]!.message).toContain("series/mine.txt");
    expect(readFileSync(join(dir, "series/mine.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(dir, "notes.tmp"), "utf8")).toBe("notes");
    expect(existsSync(join(dir, "manifest.json"))).toBe(false);
  });

  it("under --force loses only the files its study recorded as its own", async () => {
    const dir = tmp();
    await runStudy(tiny, opts(dir));
    const recorded = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).files as string[];
    expect(recorded).toContain("runs.ndjson");
    expect(recorded).toContain("series/<run id>.json");
    expect(recorded).toEqual(expect.arrayContaining(["runs.parquet", "series.parquet", "datapackage.json"]));
    put(dir, "series/important.txt", "keep me");
    put(dir, "series/tiny-scenario/p0/notes.json", "keep me too");
    // A series file of the older folder format (one per run) is the study's; other files in parts/ and inputs/ are not.
    put(dir, "series/tiny-scenario/p0/r1.json", "{}");
    put(dir, "parts/notes.txt", "keep me");
    put(dir, "inputs/mine.yaml", "keep me");
    const copies = readdirSync(join(dir, "inputs")).filter((f) => f !== "mine.yaml");
    expect(copies.length).toBeGreaterThan(0);
    put(dir, "x.tmp", "mine");
    const forced = await runStudy(other.study, opts(dir, { mode: "force" }));
    expect(forced).toMatchObject({ ok: true, status: "finished" });
    expect(readFileSync(join(dir, "series/important.txt"), "utf8")).toBe("keep me");
    expect(readFileSync(join(dir, "series/tiny-scenario/p0/notes.json"), "utf8")).toBe("keep me too");
    expect(readFileSync(join(dir, "x.tmp"), "utf8")).toBe("mine");
    expect(existsSync(join(dir, "series/tiny-scenario/p0/r1.json"))).toBe(false);
    expect(readFileSync(join(dir, "parts/notes.txt"), "utf8")).toBe("keep me");
    expect(readFileSync(join(dir, "inputs/mine.yaml"), "utf8")).toBe("keep me");
    // The first study's input copies went (unless the second has the same file), the second's are there.
    const now = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    for (const i of now.inputs) expect(existsSync(join(dir, i.copy)), i.copy).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).studyHash).toBe(other.study.hash);
  });

  it("under --force on a folder without a manifest deletes only the names a study writes", async () => {
    const dir = tmp();
    put(dir, "runs.ndjson", '{"id":"x"}\n');
    put(dir, "series/important.txt", "keep me");
    put(dir, "x.tmp", "mine");
    expect(await runStudy(tiny, opts(dir))).toMatchObject({ ok: false });
    expect(await runStudy(tiny, opts(dir, { mode: "force" }))).toMatchObject({
      ok: true,
      status: "finished",
    });
    expect(readFileSync(join(dir, "series/important.txt"), "utf8")).toBe("keep me");
    expect(readFileSync(join(dir, "x.tmp"), "utf8")).toBe("mine");
    expect(rows(dir)).not.toContain('{"id":"x"}');
  });

  it("with a truncated manifest explains it, and --rebuild-manifest resumes to the uninterrupted result", async () => {
    const fresh = tmp();
    await runStudy(tiny, opts(fresh));
    const dir = tmp();
    const stop = new AbortController();
    await runStudy(tiny, opts(dir, { stop: stop.signal, onProgress: (p) => p.done >= 5 && stop.abort() }));
    const manifest = readFileSync(join(dir, "manifest.json"), "utf8");
    writeFileSync(join(dir, "manifest.json"), manifest.slice(0, manifest.length >> 1));
    const r = await runStudy(tiny, opts(dir));
    expect(r).toMatchObject({
      ok: false,
      problems: [{ kind: "results", data: { reason: "damagedManifest" } }],
    });
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/manifest\.json is damaged \(not valid JSON/);
    expect(r.problems[0]!.message).toMatch(/--rebuild-manifest/);
    const rebuilt = await runStudy(tiny, opts(dir, { mode: "rebuild" }));
    expect(rebuilt).toMatchObject({ ok: true, status: "finished" });
    if (!rebuilt.ok) return;
    expect(rebuilt.resumed).toBeGreaterThanOrEqual(5);
    expect(rows(dir)).toBe(rows(fresh));
  });

  it("rebuilds a manifest only over runs of this study (a row with another seed is refused)", async () => {
    const dir = tmp();
    await runStudy(other.study, opts(dir));
    writeFileSync(join(dir, "manifest.json"), "{");
    const r = await runStudy(tiny, opts(dir, { mode: "rebuild" }));
    expect(r).toMatchObject({ ok: false, problems: [{ kind: "results", data: { reason: "foreignRuns" } }] });
    if (r.ok) return;
    expect(r.problems[0]!.message).toContain("tiny-scenario/p0/r0");
  });
});
