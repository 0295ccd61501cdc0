/** A finished study leaves outcomes.csv: the catalogue of the model it ran, naming every outcome column. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { describeColumn } from "../../../../src/core/outcomes.js";
import { readOutcomesFile } from "../../../../src/core/outcomes-file.js";
import { schellingModel } from "../../../../src/models/classic/schelling.js";
import { loadStudyFile } from "../../../../src/study/load.js";
import { inlineExecutor } from "../../../../src/study/run/executor.js";
import { runStudy } from "../../../../src/study/run/runner.js";

describe("outcomes.csv in a results folder", () => {
  it("is written when the study finishes, recorded as the study's own, and names every outcome column", async () => {
    const r = loadStudyFile("test/fixtures/studies/tiny.yaml");
    if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
    const dir = mkdtempSync(join(tmpdir(), "pamir-catalogue-"));
    const done = await runStudy(r.study, {
      out: dir,
      workers: 1,
      mode: "auto",
      version: "test",
      executor: (ctx) => inlineExecutor(ctx),
      summarize: async () => ({ ok: true }),
    });
    expect(done).toMatchObject({ ok: true, status: "finished" });
    expect(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).files).toContain("outcomes.csv");
    const read = readOutcomesFile(dir);
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.value).toEqual([schellingModel.outcomes]);
    const columns = new Set<string>();
    for (const line of readFileSync(join(dir, "runs.ndjson"), "utf8").trim().split("\n"))
      for (const k of Object.keys(JSON.parse(line).outcomes)) columns.add(k);
    expect(columns.size).toBeGreaterThan(0);
    for (const c of columns) expect(describeColumn(read.value, c), c).toBeDefined();
  });

  it("is absent from a folder whose study has not finished (nothing claims what was not written)", () => {
    expect(readOutcomesFile(mkdtempSync(join(tmpdir(), "pamir-catalogue-")))).toBeUndefined();
  });
});
