/** The catalogue of problems, value paths, and reading a file or saying why not. */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  failure,
  formatPath,
  inFile,
  messagesOf,
  PROBLEM_KINDS,
  problem,
} from "../../../src/core/problems.js";
import { readText, unreadable } from "../../../src/core/read-file.js";

describe("problem", () => {
  it("is kind, path and message, with data only when given", () => {
    expect(problem("check", "params.agents", "must be ≤ 100")).toEqual({
      kind: "check",
      path: "params.agents",
      message: "must be ≤ 100",
    });
    expect(problem("run", "(setup)", "boom", { name: "RangeError" })).toEqual({
      kind: "run",
      path: "(setup)",
      message: "boom",
      data: { name: "RangeError" },
    });
  });

  it("is placed in a file, at a line and column when given", () => {
    const p = problem("yaml", "(yaml)", "bad indentation");
    expect(inFile(p, "s.yaml")).toEqual({ ...p, file: "s.yaml" });
    expect(inFile(p, "s.yaml", 3, 4)).toEqual({ ...p, file: "s.yaml", line: 3, col: 4 });
  });

  it("makes failures whose words read as one line", () => {
    const f = failure(problem("option", "", "a"), problem("option", "", "b"));
    expect(f).toEqual({ ok: false, problems: [problem("option", "", "a"), problem("option", "", "b")] });
    expect(messagesOf(f)).toBe("a; b");
  });

  it("lists every kind once", () => {
    expect(new Set(PROBLEM_KINDS).size).toBe(PROBLEM_KINDS.length);
    expect(PROBLEM_KINDS).toContain("file");
    expect(PROBLEM_KINDS).toContain("run");
  });
});

describe("formatPath", () => {
  it("writes keys dotted and indices in brackets", () => {
    expect(formatPath(["insurgents", "bands", 2, "fighters"])).toBe("insurgents.bands[2].fighters");
    expect(formatPath(["params", "sheepGain"])).toBe("params.sheepGain");
    expect(formatPath([0, "a"])).toBe("[0].a");
  });

  it("quotes keys that are not plain words", () => {
    expect(formatPath(["map", "legend", "~", "province"])).toBe('map.legend["~"].province');
    expect(formatPath(["map", "legend", "."])).toBe('map.legend["."]');
    expect(formatPath(["1"])).toBe('["1"]');
  });

  it("names the top level (root)", () => {
    expect(formatPath([])).toBe("(root)");
  });
});

describe("readText", () => {
  const dir = mkdtempSync(join(tmpdir(), "pamir-read-"));

  it("gives the text of a readable file", () => {
    const file = join(dir, "a.txt");
    writeFileSync(file, "hello\n");
    expect(readText(file)).toEqual({ ok: true, value: "hello\n" });
  });

  it("says a missing file is not found, as a file problem located in that file", () => {
    const file = join(dir, "nope.yaml");
    expect(readText(file)).toEqual({
      ok: false,
      problems: [{ kind: "file", path: "(file)", message: "file not found", data: { code: "ENOENT" }, file }],
    });
  });

  it("says a folder is not a file, in the same form", () => {
    const r = readText(dir);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        {
          kind: "file",
          path: "(file)",
          message: "is a directory, not a file",
          data: { code: "EISDIR" },
          file: dir,
        },
      ]);
  });

  it("says a file it may not read is denied (unless running as root, who may read anything)", () => {
    const file = join(dir, "secret.txt");
    writeFileSync(file, "x");
    chmodSync(file, 0o000);
    const r = readText(file);
    if (process.getuid?.() === 0) expect(r.ok).toBe(true);
    else expect(!r.ok && r.problems[0]!.message).toBe("permission denied");
  });

  it("words any other failure with the system's message", () => {
    expect(unreadable("f", new Error("disk on fire"))).toEqual({
      kind: "file",
      path: "(file)",
      message: "cannot be read (disk on fire)",
      file: "f",
    });
  });
});
