/** evaluations.ndjson: a torn last line is cut off on opening, a key is written once, the end rewrite is in draw order. */
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DrawRow, finalizeJournal, openJournal } from "../../../../src/study/calibrate/journal.js";

const row = (generation: number, draw: number): DrawRow => ({
  generation,
  draw,
  parameters: { a: draw },
  status: "ok",
  means: { y: draw },
  distance: draw,
});

describe("the journal", () => {
  it("cuts a torn last line, keeps the first copy of a key, and rewrites in order", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-journal-"));
    const j = openJournal(dir);
    j.append([row(1, 2), row(0, 1)]);
    j.append([row(1, 2), row(0, 0)]); // g1/d2 again: not written twice
    j.close();
    appendFileSync(join(dir, "evaluations.ndjson"), '{"generation":1,"dra');
    const again = openJournal(dir);
    expect(again.tornLine).toBe(true);
    expect(again.resumed).toBe(3);
    again.append([{ fit: 0, seed: 9, parameters: { a: 1 }, status: "ok", outcomes: { y: 1 } }, row(1, 0)]);
    finalizeJournal(dir, again.rows.values());
    again.close();
    const keys = readFileSync(join(dir, "evaluations.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { generation?: number; draw?: number; fit?: number })
      .map((r) => (r.fit !== undefined ? `fit${r.fit}` : `${r.generation}/${r.draw}`));
    expect(keys).toEqual(["0/0", "0/1", "1/0", "1/2", "fit0"]);
  });
});
