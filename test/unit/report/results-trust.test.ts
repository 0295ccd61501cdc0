/** The report says what its charts rest on: missing series files are named, a foreign manifest's study file is not read. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticResults } from "../../../bench/synthetic-results.js";
import { buildReport } from "../../../src/report/build.js";

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
