/** Reading input files: regular files only, and never more than the cap. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readText } from "../../../src/core/read-file.js";

const tmp = () => mkdtempSync(join(tmpdir(), "pamir-read-"));

describe("readText", () => {
  it("refuses a device such as /dev/zero at once instead of reading it", () => {
    const r = readText("/dev/zero", { maxBytes: 1 << 20, what: "scenario" });
    expect(r).toMatchObject({ ok: false, problems: [{ kind: "file", path: "(file)", file: "/dev/zero" }] });
    if (!r.ok) expect(r.problems[0]!.message).toBe("is not a regular file (a device, pipe or socket)");
  });

  it("refuses a named pipe without waiting for a writer", () => {
    const fifo = join(tmp(), "scenario.yaml");
    execFileSync("mkfifo", [fifo]);
    const r = readText(fifo, { maxBytes: 1 << 20, what: "scenario" });
    expect(r).toMatchObject({ ok: false, problems: [{ kind: "file", path: "(file)" }] });
  });

  it("refuses a file over the cap, saying the cap and how to raise it", () => {
    const file = join(tmp(), "big.yaml");
    writeFileSync(file, "x".repeat(2049));
    const r = readText(file, { maxBytes: 2048, what: "scenario" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.message).toMatch(/is 2049 bytes; a scenario file may have at most 2048/);
      expect(r.problems[0]!.message).toContain("PAMIR_MAX_SCENARIO_BYTES");
    }
    expect(readText(file, { maxBytes: 4096, what: "scenario" })).toEqual({
      ok: true,
      value: "x".repeat(2049),
    });
  });
});
