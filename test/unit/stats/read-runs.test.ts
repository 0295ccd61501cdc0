import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRuns } from "../../../src/stats/read-runs.js";

const FIXTURES = new URL("../../fixtures/results/", import.meta.url).pathname;
const tmpFile = (text: string): string => {
  const f = join(mkdtempSync(join(tmpdir(), "pamir-runs-")), "runs.ndjson");
  writeFileSync(f, text);
  return f;
};
const line = (id: string, point: number, replicate: number, extra = "") =>
  `{"id":"${id}","scenario":"s","point":${point},"replicate":${replicate},"factors":{},"status":"ok","outcomes":{"y":${point}${extra}}}`;

describe("readRuns", () => {
  it("reads every line of a results file and sorts by scenario, point, replicate", async () => {
    const r = await readRuns(join(FIXTURES, "drill-route/runs.ndjson"));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.rows).toHaveLength(16);
    expect(r.value.rows.slice(0, 4).map((x) => x.id)).toEqual([
      "nexus/p0/r0",
      "nexus/p0/r1",
      "nexus/p0/r2",
      "nexus/p1/r0",
    ]);
    expect(r.value.rows.filter((x) => x.status === "failed").map((x) => x.id)).toEqual(["nexus/p2/r3"]);
    expect(r.value.tornLine).toBe(false);
  });

  it("drops a torn last line and says so", async () => {
    const r = await readRuns(join(FIXTURES, "torn/runs.ndjson"));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.rows.map((x) => x.id)).toEqual(["schelling/p0/r0", "schelling/p0/r1", "schelling/p1/r0"]);
    expect(r.value.tornLine).toBe(true);
  });

  it("keeps a complete last line that only lacks its newline", async () => {
    const r = await readRuns(tmpFile(`${line("s/p0/r0", 0, 0)}\n${line("s/p1/r0", 1, 0)}`));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.rows).toHaveLength(2);
    expect(r.value.tornLine).toBe(false);
  });

  it("refuses a broken line that is not the last, naming file and line", async () => {
    const f = tmpFile(`${line("s/p0/r0", 0, 0)}\n{"id":"s/p1\n${line("s/p2/r0", 2, 0)}\n`);
    const r = await readRuns(f);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(new RegExp(`^${f}:2: not a run record: not JSON`));
  });

  it("refuses a record with a wrong field, naming the field", async () => {
    const f = tmpFile(`${line("s/p0/r0", 0, 0).replace('"status":"ok"', '"status":"done"')}\n`);
    const r = await readRuns(f);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/:1: not a run record: status: /);
  });

  it("counts a repeated id once, keeping the later line", async () => {
    const first = line("s/p0/r0", 0, 0).replace('"y":0', '"y":1');
    const later = line("s/p0/r0", 0, 0).replace('"y":0', '"y":2');
    const r = await readRuns(tmpFile(`${first}\n${line("s/p1/r0", 1, 0)}\n${later}\n`));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.rows.map((x) => [x.id, x.outcomes.y])).toEqual([
      ["s/p0/r0", 2],
      ["s/p1/r0", 1],
    ]);
    expect(r.value.duplicates).toBe(1);
  });

  it("streams files larger than one read chunk, multi-byte labels intact", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      lines.push(
        `{"id":"s/p${i}/r0","scenario":"s","point":${i},"replicate":0,"factors":{},"arm":{"posture":"маршрут—${i}"},"status":"ok","outcomes":{"y":${i}}}`,
      );
    }
    const f = tmpFile(`${lines.join("\n")}\n`);
    expect(readFileSync(f).length).toBeGreaterThan(3 * 65536);
    const r = await readRuns(f);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.rows).toHaveLength(3000);
    expect(r.value.rows[2999]!.arm?.posture).toBe("маршрут—2999");
    expect(r.value.rows.every((x, i) => x.outcomes.y === i)).toBe(true);
  });

  it("reports a missing file as an error value", async () => {
    const r = await readRuns("/nonexistent/runs.ndjson");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/cannot read \/nonexistent\/runs\.ndjson: ENOENT/);
  });
});
