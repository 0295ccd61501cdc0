import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const DIR = "test/fixtures/scenarios";
const broken = readdirSync(DIR).filter((f) => !f.startsWith("valid-"));
const LOCATED = /^test\/fixtures\/scenarios\/[\w.-]+:\d+:\d+ {2}\S+ {2}\S.*$/;

describe("pamir validate on broken scenario files", () => {
  it("has broken fixtures to check", () => {
    expect(broken.length).toBeGreaterThanOrEqual(10);
  });

  it.each(broken)("%s: located one-line errors and exit code 2", (name) => {
    const r = pamir("validate", `${DIR}/${name}`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("pamir: 1 of 1 file invalid");
    const located = lines.slice(0, -1);
    expect(located.length).toBeGreaterThan(0);
    for (const l of located) expect(l).toMatch(LOCATED);
  });

  it("reports the exact place and fix for a typo'd key", () => {
    const r = pamir("validate", `${DIR}/unknown-key.yaml`);
    expect(r.stderr).toContain(
      `${DIR}/unknown-key.yaml:5:3  params.wolfs  unknown key "wolfs" (did you mean "wolves"?)`,
    );
  });

  it("refuses to run a broken scenario with the same located lines and exit code 2", () => {
    const v = pamir("validate", `${DIR}/ragged-map.yaml`);
    const r = pamir("run", `${DIR}/ragged-map.yaml`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const located = (s: string) => s.split("\n").filter((l) => LOCATED.test(l));
    expect(located(r.stderr)).toEqual(located(v.stderr));
    expect(located(r.stderr).length).toBe(2);
  });

  it("checks every file given and reports all problems together", () => {
    const r = pamir(
      "validate",
      "scenarios/schelling-small.yaml",
      `${DIR}/wrong-type.yaml`,
      `${DIR}/unknown-key.yaml`,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("schelling-small.yaml: ok");
    expect(r.stderr).toContain("wrong-type.yaml:");
    expect(r.stderr).toContain("unknown-key.yaml:");
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("pamir: 2 of 3 files invalid");
  });

  it("checks study files too: design size when valid, located problems when not", () => {
    const ok = pamir("validate", "scenarios/studies/drill-vs-route.yaml");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(
      "scenarios/studies/drill-vs-route.yaml: ok (study: 1 scenario(s) × 4 point(s) × 130 replicate(s) = 520 runs)\n",
    );
    const dir = mkdtempSync(join(tmpdir(), "pamir-validate-study-"));
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, `name: x\nscenario: ${join(ROOT, "scenarios/route-control.yaml")}\nreplicates: 0\n`);
    const r = pamir("validate", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3:13  replicates  must be an integer between 1 and 1000000`);
  });

  // The three mistakes used to take three rounds: the unknown key hid the path, which hid the value.
  it.each([["validate"], ["study"]])(
    "pamir %s reports a key typo, a factor-path typo and a bad value in one pass, exit 2",
    (command) => {
      const dir = mkdtempSync(join(tmpdir(), "pamir-one-pass-"));
      const file = join(dir, "three.yaml");
      writeFileSync(
        file,
        `name: three\nscenario: ${join(ROOT, "test/fixtures/studies/tiny-scenario.yaml")}\nreplicate: 3\n` +
          "factors:\n  params.radus: { values: [1, 2] }\n  params.agents: { values: [10, -5] }\n",
      );
      const args = command === "study" ? [file, "--out", join(dir, "out")] : [file];
      const r = pamir(command, ...args);
      expect(r.code).toBe(2);
      const located = r.stderr.split("\n").filter((l) => l.startsWith(`${file}:`));
      expect(located).toEqual([
        `${file}:3:1  replicate  unknown key "replicate" (did you mean "replicates"?)`,
        `${file}:5:3  factors["params.radus"]  is not a parameter of model "schelling": params has no "radus" (did you mean "radius"?)`,
        `${file}:6:33  factors["params.agents"].values[1]  params.agents must be an integer between 0 and 1000000`,
      ]);
    },
  );
});
