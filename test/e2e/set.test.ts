/** `pamir run … --set path=value` and `pamir validate … --set`: a value set as if it were in the file. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const SCENARIO = "scenarios/schelling-small.yaml";
/** A run document without what names its file and command line (provenance differs by design). */
const withoutFile = (doc: { scenario: object }) => ({
  ...doc,
  scenario: { ...doc.scenario, file: "" },
  provenance: null,
});

describe("pamir run --set", () => {
  it("runs exactly what the file with the values edited in runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-set-"));
    const edited = join(dir, "edited.yaml");
    const text = readFileSync(join(ROOT, SCENARIO), "utf8");
    writeFileSync(edited, text.replace("agents: 1000", "agents: 700").replace("radius: 1", "radius: 2"));
    const set = pamir("run", SCENARIO, "--set", "params.agents=700", "--set", "params.radius=2", "--json");
    const file = pamir("run", edited, "--json");
    expect(set.code, set.stderr).toBe(0);
    expect(file.code, file.stderr).toBe(0);
    const a = JSON.parse(set.stdout);
    expect(a.params.agents).toBe(700);
    expect(withoutFile(a)).toEqual(withoutFile(JSON.parse(file.stdout)));
  });

  it("lets a later --set of the same path win", () => {
    const r = pamir("run", SCENARIO, "--set", "params.agents=10", "--set", "params.agents=20", "--json");
    expect(JSON.parse(r.stdout).params.agents).toBe(20);
  });

  it("refuses an unknown parameter in one line naming the argument, with the nearest name (exit 2)", () => {
    const r = pamir("run", SCENARIO, "--set", "params.agnts=5");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe('pamir: --set params.agnts=5: unknown key "agnts" (did you mean "agents"?)\n');
  });

  it("refuses a value out of range, a malformed argument and a prototype key (exit 2)", () => {
    const range = pamir("run", SCENARIO, "--set", "params.radius=99");
    expect(range.code).toBe(2);
    expect(range.stderr).toBe("pamir: --set params.radius=99: must be an integer between 1 and 50\n");
    const malformed = pamir("run", SCENARIO, "--set", "params.radius");
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^pamir: --set params\.radius: must be path=value/);
    const proto = pamir("run", SCENARIO, "--set", "__proto__.x=1");
    expect(proto.code).toBe(2);
    expect(proto.stderr).toMatch(/^pamir: --set __proto__\.x=1: the path must not contain "__proto__"/);
  });
});

describe("pamir validate --set", () => {
  it("checks each scenario with the values set, naming file and argument", () => {
    const ok = pamir("validate", SCENARIO, "--set", "params.agents=10");
    expect(ok.code).toBe(0);
    const bad = pamir("validate", SCENARIO, "--set", "params.agents=5000");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^scenarios\/schelling-small\.yaml {2}--set params\.agents=5000 {2}must be ≤ 1600/,
    );
  });

  it("refuses --set on a study file", () => {
    const r = pamir("validate", "scenarios/studies/economy-lhs.yaml", "--set", "params.x=1");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--set applies to scenario files/);
  });
});
