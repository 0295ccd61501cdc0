/** `pamir audit`: every declared economy and nexus switch moves something; a dead switch fails --strict; bad input exits 2. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { economySwitches } from "../../src/models/economy/switches.js";
import { nexusSwitches } from "../../src/models/nexus/switches.js";
import { pamir } from "./cli.js";

interface Contrast {
  switch: string;
  claim: string;
  moved: number;
  movesNothing: boolean;
  effects: { outcome: string; n: number; diff: number; ciLow: number; ciHigh: number; moved: boolean }[];
}

const tmp = () => mkdtempSync(join(tmpdir(), "pamir-audit-"));

describe("pamir audit", () => {
  it("finds every declared economy switch moving at least one outcome on the baseline (20 seeds)", () => {
    const out = tmp();
    const r = pamir(
      "audit",
      "scenarios/baseline.yaml",
      "--seeds",
      "20",
      "--ticks",
      "60",
      "--out",
      out,
      "--strict",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "audit.json"), "utf8"));
    expect(doc.seeds).toHaveLength(20);
    const contrasts = doc.contrasts as Contrast[];
    expect(contrasts.map((c) => c.switch)).toEqual(economySwitches.map((s) => s.path));
    for (const c of contrasts) {
      expect(c.moved, c.switch).toBeGreaterThan(0);
      const top = c.effects[0]!;
      expect(top.moved && (top.ciLow > 0 || top.ciHigh < 0) && top.n === 20, c.switch).toBe(true);
    }
    // Corruptible border guards (factor 1 against 0) take bribes that incorruptible ones cannot.
    const bribes = contrasts
      .find((c) => c.switch === "agencies.border.corruptionFactor")!
      .effects.find((e) => e.outcome === "bribes")!;
    expect(bribes.moved && bribes.ciLow > 0).toBe(true);
    // audit.csv: a header and one row per contrast and outcome.
    const lines = readFileSync(join(out, "audit.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^switch,claim,a,b,given,outcome,n,mean_a,mean_b,diff,ci_low,ci_high,moved,/);
    expect(lines.length - 1).toBe(contrasts.reduce((s, c) => s + c.effects.length, 0));
    // The printed table names each switch.
    for (const s of economySwitches) expect(r.stdout).toContain(s.path);
  });

  it("finds every declared nexus switch moving at least one outcome (mixed-threat corridor scenario, 5 seeds, --strict)", () => {
    // About 25 s of CPU: 105 corridor runs of 360 days.
    const out = tmp();
    const r = pamir("audit", "scenarios/switch-audit.yaml", "--seeds", "5", "--out", out, "--strict");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "audit.json"), "utf8"));
    const contrasts = doc.contrasts as (Contrast & { given?: { path: string } })[];
    // A switch with a `given` setting this scenario lacks has a second contrast, with it held
    // (this scenario's threat is already half criminal, so tradeAbroad has none; membership has one).
    expect([...new Set(contrasts.map((c) => c.switch))]).toEqual(nexusSwitches.map((s) => s.path));
    for (const s of nexusSwitches) {
      const own = contrasts.filter((c) => c.switch === s.path);
      const held = own.filter((c) => c.given).length;
      expect(held, s.path).toBe(s.path === "alliance.forces.0.members" ? own.length / 2 : 0);
      expect(Math.max(...own.map((c) => c.moved)), s.path).toBeGreaterThan(0);
    }
  }, 300_000);

  it("reports a switch that moves nothing, and fails on it with --strict (exit 3)", () => {
    // Ishigami at x1 = 0: x3 acts only through x1, so it cannot move y.
    const out = tmp();
    const plain = pamir("audit", "scenarios/test-functions/ishigami.yaml", "--seeds", "2", "--out", out);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^x3 .*\(moves nothing\)$/m);
    const strict = pamir(
      "audit",
      "scenarios/test-functions/ishigami.yaml",
      "--seeds",
      "2",
      "--out",
      out,
      "--strict",
    );
    expect(strict.code).toBe(3);
    expect(strict.stderr).toBe("pamir: switch moves nothing beyond its 95 % interval: x3 (3.142 vs 0)\n");
    const doc = JSON.parse(readFileSync(join(out, "audit.json"), "utf8"));
    expect(doc.contrasts.map((c: Contrast) => [c.switch, c.movesNothing])).toEqual([
      ["x1", false],
      ["x3", true],
    ]);
  });

  it("passes --strict where the same switch is live (x1 ≠ 0)", () => {
    const dir = tmp();
    const file = join(dir, "ishigami-x1.yaml");
    writeFileSync(file, "model: ishigami\nparams: { x1: 1 }\n");
    const r = pamir("audit", file, "--seeds", "2", "--out", dir, "--strict", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).contrasts.every((c: Contrast) => c.moved === 1)).toBe(true);
  });

  it("writes the same audit for any number of workers (rebellion, 3 seeds, 20 ticks)", () => {
    const docs = ["1", "2"].map((w) => {
      const out = tmp();
      const again = pamir(
        "audit",
        "scenarios/validation/rebellion.yaml",
        "--seeds",
        "3",
        "--ticks",
        "20",
        "--workers",
        w,
        "--out",
        out,
      );
      expect(again.code).toBe(0);
      return readFileSync(join(out, "audit.json"), "utf8");
    });
    expect(docs[1]).toBe(docs[0]);
    expect(JSON.parse(docs[0]!).contrasts).toHaveLength(4);
  });

  it("refuses bad input with one located line and exit 2", () => {
    const missing = pamir("audit", "scenarios/nope.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/scenarios\/nope\.yaml/);
    const zero = pamir("audit", "scenarios/baseline.yaml", "--seeds", "0");
    expect(zero.code).toBe(2);
    expect(zero.stderr).toBe(
      "pamir: --seeds must be an integer from 2 to 100000 (an interval needs two pairs) (see pamir --help)\n",
    );
    const none = pamir("audit", "scenarios/schelling-small.yaml");
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      "pamir: scenarios/schelling-small.yaml: model schelling declares no switches to audit\n",
    );
  });
});
