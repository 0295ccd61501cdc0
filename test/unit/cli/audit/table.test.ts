/** The printed audit table: the outcomes a switch moves most, or "(moves nothing)". */
import { describe, expect, it } from "vitest";
import { auditTable, deadSwitchNotes, valueText } from "../../../../src/cli/audit/table.js";
import type { ModelSwitch } from "../../../../src/core/model.js";
import { contrastEffects, movesFamilywise, type RunOutcomes } from "../../../../src/study/audit/effects.js";
import type { AuditResult, ContrastResult } from "../../../../src/study/audit/run.js";

const sw = (path: string): ModelSwitch => ({ path, kind: "boolean", claim: "c." });

function contrast(path: string, a: RunOutcomes[], b: RunOutcomes[]): ContrastResult {
  const effects = contrastEffects(a, b);
  return {
    contrast: { switch: sw(path), a: true, b: false, pointA: 1, pointB: 0 },
    effects,
    moved: effects.filter((e) => e.moved).length,
    familywise: movesFamilywise(effects),
  };
}

/** An audit of four seeds and ten ticks holding `contrasts` (two arms of runs each). */
const auditOf = (contrasts: ContrastResult[]): AuditResult => ({
  seeds: [1, 2, 3, 4],
  ticks: 10,
  runs: 8,
  failed: { count: 0, first: [] },
  contrasts,
  elapsedMs: 1,
});

/** Four seeds with x = 1..4, and the same shifted by 5–6: a contrast of them moves x. */
const flat: RunOutcomes[] = [1, 2, 3, 4].map((k) => ({ x: k }));
const shifted: RunOutcomes[] = flat.map((r, i) => ({ x: r!.x! + 5 + (i % 2) }));

describe("auditTable", () => {
  it("lists up to three moved outcomes of a live switch, most moved first, and flags a dead one", () => {
    const b: RunOutcomes[] = [1, 2, 3, 4].map((k) => ({ big: k, small: k, none: k, tiny: k, flat: 5 }));
    const a: RunOutcomes[] = b.map((r, i) => ({
      big: r!.big! + 10 + (i % 2),
      small: r!.small! + 1 + (i % 2),
      none: r!.none! + (i % 2 === 0 ? 1 : -1),
      tiny: r!.tiny! + 0.5 + (i % 2),
      flat: 5,
    }));
    const r = auditOf([contrast("live", a, b), contrast("dead", b, b)]);
    const lines = auditTable(r).split("\n");
    expect(lines[0]).toMatch(/^switch\s+a vs b\s+moved\s+bonferroni\s+outcome/);
    expect(lines[2]).toMatch(/^live\s+true vs false\s+3\/5\s+\w+\s+big\s+10\.5\s/);
    expect(lines[3]).toMatch(/^\s+small\s/);
    expect(lines[4]).toMatch(/^\s+tiny\s/);
    expect(lines[5]).toMatch(/^dead\s+true vs false\s+0\/5\s+no\s+\(moves nothing\)$/);
    expect(lines).toHaveLength(6);
  });

  it("gives the note of each switch that moved nothing, and only of those", () => {
    const noted = (c: ContrastResult, note: string): ContrastResult => ({
      ...c,
      contrast: { ...c.contrast, switch: { ...c.contrast.switch, note } },
    });
    const r = auditOf([
      noted(contrast("live", shifted, flat), "Live note."),
      noted(contrast("inert", flat, flat), "Needs a trader."),
      contrast("bare", flat, flat),
    ]);
    expect(deadSwitchNotes(r)).toEqual(["inert moved nothing here. Needs a trader."]);
  });

  it("labels a contrast run under a `given` setting, and says what the switch moved there", () => {
    const inert = contrast("inert", flat, flat);
    const s = { ...inert.contrast.switch, note: "Needs a trader." };
    const given = { path: "threat.drift", value: 0.02 };
    const held = contrast("inert", shifted, flat);
    const r = auditOf([
      { ...inert, contrast: { ...inert.contrast, switch: s } },
      { ...held, contrast: { ...held.contrast, switch: s, given } },
    ]);
    expect(auditTable(r).split("\n")[3]).toMatch(
      /^inert\s+true vs false \(given threat\.drift = 0\.02\)\s+1\/1\s/,
    );
    expect(deadSwitchNotes(r)).toEqual([
      "inert moved nothing here. Needs a trader. Given threat.drift = 0.02, it moved 1.",
    ]);
  });

  it("prints values as people read them", () => {
    expect(valueText(0.0002)).toBe("0.0002");
    expect(valueText([{ crossing: "1" }])).toBe('[{"crossing":"1"}]');
    expect(valueText("exact")).toBe("exact");
  });
});
