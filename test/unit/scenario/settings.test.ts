/** `--set path=value`: parsing, writing into a scenario's data, and which problems are the setting's. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { loadScenarioFileWith, loadScenarioText } from "../../../src/scenario/load.js";
import { applySettings, parseSetting, parseSettings, type Setting } from "../../../src/scenario/settings.js";

const setting = (arg: string): Setting => {
  const r = parseSetting(arg);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};
const refusal = (arg: string) => {
  const r = parseSetting(arg);
  return r.ok ? undefined : problemLine(r.problems[0]!);
};

describe("parseSetting", () => {
  it("reads the value as YAML: numbers, words, booleans, null, flow lists and mappings", () => {
    expect(setting("params.agents=500").value).toBe(500);
    expect(setting("params.rate=1e-3").value).toBe(0.001);
    expect(setting("params.posture=route-control").value).toBe("route-control");
    expect(setting("params.on=true").value).toBe(true);
    expect(setting("params.x=").value).toBeNull();
    expect(setting("params.list=[1, 2]").value).toEqual([1, 2]);
    expect(setting("params.threat={ criminalShare: 0.5 }").value).toEqual({ criminalShare: 0.5 });
    expect(setting('params.name="a=b"').value).toBe("a=b");
  });

  it("splits the path at dots, digits indexing lists, and at the first = only", () => {
    expect(setting("params.bands.1.fighters=3").path).toEqual(["params", "bands", 1, "fighters"]);
    expect(setting("params.note=a=b").value).toBe("a=b");
  });

  it("refuses, naming the argument: no =, an empty path or segment, a prototype key, bad YAML", () => {
    expect(refusal("params.agents")).toBe("--set params.agents: must be path=value (e.g. params.agents=500)");
    expect(refusal("=3")).toMatch(/^--set =3: must be path=value/);
    expect(refusal("params..agents=3")).toMatch(/^--set params\.\.agents=3: the path has an empty segment/);
    expect(refusal("params.__proto__.polluted=1")).toMatch(
      /^--set params\.__proto__\.polluted=1: .*"__proto__"/,
    );
    expect(refusal("params.constructor=1")).toMatch(/"constructor"/);
    expect(refusal("params.list=[1, 2")).toMatch(/^--set params\.list=\[1, 2: the value is not a YAML value/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("collects every bad argument", () => {
    const r = parseSettings(["a", "params.x=1", "b"]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(["--set a", "--set b"]);
  });
});

describe("applySettings", () => {
  it("writes in order (a later setting wins), copying values, making missing mappings", () => {
    const data: Record<string, unknown> = { params: { a: { b: 1 } } };
    const shared = setting("params.c.d=[1]");
    const r = applySettings(data, [setting("params.a.b=2"), setting("params.a.b=3"), shared]);
    expect(r.ok).toBe(true);
    expect(data).toEqual({ params: { a: { b: 3 }, c: { d: [1] } } });
    (data.params as { c: { d: number[] } }).c.d.push(2);
    expect(shared.value).toEqual([1]);
  });
});

describe("a scenario loaded with settings", () => {
  const file = "s.yaml";
  const dir = mkdtempSync(join(tmpdir(), "pamir-settings-"));
  const path = join(dir, file);
  const text = "model: schelling\nticks: 5\nparams:\n  width: 10\n  height: 10\n  agents: 50\n";
  writeFileSync(path, text);
  const load = (...args: string[]) => loadScenarioFileWith(path, args.map(setting));
  const lines = (...args: string[]) => {
    const r = load(...args);
    return r.ok ? [] : r.problems.map(problemLine);
  };

  it("is the scenario the file would be with the value in it", () => {
    const set = load("params.agents=70", "ticks=3");
    const edited = loadScenarioText(
      text.replace("agents: 50", "agents: 70").replace("ticks: 5", "ticks: 3"),
      path,
    );
    expect(set.ok && edited.ok).toBe(true);
    if (set.ok && edited.ok) expect(set.scenario).toEqual(edited.scenario);
  });

  it("names the --set argument for an unknown key, with the nearest name", () => {
    expect(lines("params.agnts=5")).toEqual([
      '--set params.agnts=5: unknown key "agnts" (did you mean "agents"?)',
    ]);
    expect(lines("params.foo.bar=1")).toEqual(['--set params.foo.bar=1: unknown key "foo"']);
  });

  it("names the --set argument for a bad value, and for a model check it fails", () => {
    expect(lines("params.agents=-1")).toEqual([
      "--set params.agents=-1: must be an integer between 0 and 1000000",
    ]);
    expect(lines("params.agents=abc")).toHaveLength(1);
    expect(lines("params.agents=5000")[0]).toMatch(/^--set params\.agents=5000: must be ≤ 100/);
    // A mapping set in place of a number is the setting's problem, not the file's line.
    expect(lines("params.agents.x=1")[0]).toMatch(/^--set params\.agents\.x=1: must be an integer/);
  });

  it("says where inside a set mapping a value is wrong", () => {
    const r = lines("params={ width: 10, height: 10, agents: 50, radius: 0 }");
    expect(r).toEqual([
      "--set params={ width: 10, height: 10, agents: 50, radius: 0 }: params.radius: must be an integer between 1 and 50",
    ]);
  });

  it("still locates the file's own problems in the file", () => {
    writeFileSync(
      join(dir, "bad.yaml"),
      "model: schelling\nparams:\n  width: 0\n  height: 10\n  agents: 5\n",
    );
    const r = loadScenarioFileWith(join(dir, "bad.yaml"), [setting("params.agnts=5")]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const out = r.problems.map(problemLine);
      expect(out[0]).toMatch(/^--set params\.agnts=5: unknown key/);
      expect(out[1]).toMatch(/bad\.yaml:3:10 {2}params\.width {2}/);
    }
  });
});
