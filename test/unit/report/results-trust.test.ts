/** The report says what its charts rest on: missing series files are named, a foreign manifest's study file is not read. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticResults } from "../../../bench/synthetic-results.js";
import { buildReport } from "../../../src/report/build.js";
import { seriesColumns } from "../../../src/study/tables/columns.js";
import { writeTable } from "../../../src/study/tables/parquet.js";

const build = async (dir: string) => {
  const r = await buildReport(dir, { version: "test" });
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};
/** Series files under `dir`/series, relative to `dir`. */
const seriesFiles = (dir: string) =>
  (readdirSync(join(dir, "series"), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".json"))
    .map((f) => `series/${f}`)
    .sort();

describe("a report over a damaged results folder", () => {
  it("names missing series files and says how many runs each per-tick chart rests on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-missing-"));
    writeSyntheticResults(dir, { replicates: 4 });
    const files = seriesFiles(dir);
    const gone = files.filter((_, i) => i % 4 === 1);
    for (const f of gone) rmSync(join(dir, f));
    const r = await build(dir);
    const used = files.length - gone.length;
    expect(r.html).toContain(`rests on ${used} runs.`);
    const note = r.notes.find((n) => n.includes("have no readable series file"));
    expect(note).toContain(`${gone.length} of ${files.length} finished runs`);
    expect(note).toContain(gone.slice(0, 5).sort()[0]);
    expect(note).toContain(`the per-tick charts rest on the other ${used}`);
  });

  it("with every series file deleted says so, not that the study kept no series", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-nofiles-"));
    writeSyntheticResults(dir, { replicates: 2 });
    const n = seriesFiles(dir).length;
    rmSync(join(dir, "series"), { recursive: true });
    const r = await build(dir);
    expect(r.notes.join("\n")).not.toContain("kept no series");
    expect(r.notes.join("\n")).toContain(`${n} of ${n} finished runs have no readable series file`);
  });

  it("does not read the file a foreign manifest's studyFile names outside the folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-foreign-"));
    writeSyntheticResults(dir, { replicates: 2 });
    const secret = join(mkdtempSync(join(tmpdir(), "pamir-secret-")), "secret.yaml");
    writeFileSync(secret, "description: the secret text\n");
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    delete m.description;
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...m, studyFile: secret }));
    expect((await build(dir)).html).not.toContain("the secret text");
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify({ ...m, studyFile: "../../../../../../../../.." + secret }),
    );
    expect((await build(dir)).html).not.toContain("the secret text");
  });
});

/** Move the series files of `dir` into series.parquet (all but the runs `skip` names), as a study now writes them. */
function toSeriesTable(dir: string, skip: (id: string) => boolean = () => false): string[] {
  const files = seriesFiles(dir);
  const docs = files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8"))).filter((d) => !skip(d.id));
  writeTable(join(dir, "series.parquet"), seriesColumns(docs));
  rmSync(join(dir, "series"), { recursive: true });
  return files.map((f) => f.slice("series/".length, -".json".length));
}

describe("a report over series.parquet", () => {
  it("draws the same page from series.parquet as from the per-run series files of older folders", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-table-"));
    writeSyntheticResults(dir, { replicates: 3 });
    const fromFiles = await build(dir);
    toSeriesTable(dir);
    const fromTable = await build(dir);
    expect(fromTable.html).toBe(fromFiles.html);
    expect(fromTable.html).toContain("rests on");
  });

  it("names the finished runs series.parquet lacks and says what the charts rest on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-table-missing-"));
    writeSyntheticResults(dir, { replicates: 4 });
    let k = 0;
    const gone: string[] = [];
    const ids = toSeriesTable(dir, (id) => {
      const skip = k++ % 4 === 1;
      if (skip) gone.push(id);
      return skip;
    });
    const r = await build(dir);
    const note = r.notes.find((n) => n.includes("have no series in series.parquet"));
    expect(note).toContain(`${gone.length} of ${ids.length} finished runs`);
    expect(note).toContain(`the per-tick charts rest on the other ${ids.length - gone.length}`);
    expect(r.html).toContain(`rests on ${ids.length - gone.length} runs.`);
  });
});
