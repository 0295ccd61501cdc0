/** `pamir audit --strict`: exit 3 on a switch that moves nothing, 0 when every switch moves something. */
import { describe, expect, it } from "vitest";
import { auditExit } from "../../../../src/cli/audit/command.js";
import { CliError, EXIT } from "../../../../src/cli/errors.js";
import type { ModelSwitch } from "../../../../src/core/model.js";
import { contrastEffects, movesFamilywise, type RunOutcomes } from "../../../../src/study/audit/effects.js";
import type { AuditResult, ContrastResult } from "../../../../src/study/audit/run.js";

const sw = (path: string): ModelSwitch => ({ path, kind: "range", low: 0, high: 1, claim: "c." });

/** A contrast of switch `path` from the runs of its two arms. */
function contrast(path: string, a: RunOutcomes[], b: RunOutcomes[]): ContrastResult {
  const effects = contrastEffects(a, b);
  return {
    contrast: { switch: sw(path), a: 1, b: 0, pointA: 1, pointB: 0 },
    effects,
    moved: effects.filter((e) => e.moved).length,
    familywise: movesFamilywise(effects),
  };
}

/** Five seeds of a fixture model: y = x + noise; the live switch shifts y by 3, the dead one by nothing. */
const base: RunOutcomes[] = [0.1, -0.2, 0.3, 0, -0.1].map((e) => ({ y: 10 + e, z: 1 }));
const shifted: RunOutcomes[] = base.map((r, i) => ({ y: r!.y! + 3 + (i % 2) * 0.1, z: 1 }));

function result(contrasts: ContrastResult[]): AuditResult {
  return {
    seeds: [1, 2, 3, 4, 5],
    ticks: 1,
    runs: 15,
    failed: { count: 0, first: [] },
    contrasts,
    elapsedMs: 1,
  };
}

/** The exit code auditExit gives (0 when it does not throw). */
function exitOf(r: AuditResult, strict: boolean): number {
  try {
    auditExit(r, strict);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliError) return e.code;
    throw e;
  }
}

describe("audit --strict", () => {
  const live = contrast("live", shifted, base);
  const dead = contrast("dead", base, base);

  it("exits 3 when a declared switch moves nothing, naming it", () => {
    expect(dead.moved).toBe(0);
    expect(exitOf(result([live, dead]), true)).toBe(EXIT.deadSwitch);
    expect(() => auditExit(result([live, dead]), true)).toThrow(/moves nothing.*dead \(1 vs 0\)/);
  });

  it("counts a switch as live when it moves something under its `given` setting", () => {
    const s = sw("moot");
    const plain = { ...dead, contrast: { ...dead.contrast, switch: s } };
    const given = { path: "g", value: 1 };
    const heldLive = { ...live, contrast: { ...live.contrast, switch: s, given } };
    const heldDead = { ...dead, contrast: { ...dead.contrast, switch: s, given } };
    expect(exitOf(result([plain, heldLive]), true)).toBe(EXIT.ok);
    expect(exitOf(result([plain, heldDead]), true)).toBe(EXIT.deadSwitch);
  });

  it("exits 0 when every switch moves something, and without --strict whatever moves", () => {
    expect(live.moved).toBeGreaterThan(0);
    expect(exitOf(result([live]), true)).toBe(EXIT.ok);
    expect(exitOf(result([live, dead]), false)).toBe(EXIT.ok);
  });
});
