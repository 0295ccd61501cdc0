/** Running an audit inline: common seeds in every arm, a live switch flagged, a dead one not. */
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../../../src/scenario/load.js";
import { planAudit } from "../../../../src/study/audit/plan.js";
import { runAudit } from "../../../../src/study/audit/run.js";
import type { RunTask } from "../../../../src/study/run/batch.js";
import { inlineExecutor } from "../../../../src/study/run/executor.js";

async function audit(text: string, seeds: number, seen: RunTask[] = []) {
  const loaded = loadScenarioText(text, "s.yaml");
  if (!loaded.ok) throw new Error("scenario does not load");
  const sc = loaded.scenario;
  const plan = planAudit(sc, sc.model.switches ?? [], undefined);
  if (!plan.ok) throw new Error(plan.problems.map((p) => p.message).join("; "));
  const r = await runAudit({ scenario: sc, text }, plan.value, {
    seeds,
    workers: 1,
    executor: (ctx) => {
      const exec = inlineExecutor(ctx);
      const run = (tasks: RunTask[]) => {
        seen.push(...tasks);
        return exec.run(tasks);
      };
      return { ...exec, run };
    },
  });
  if (!r.ok) throw new Error("the audit failed");
  return r.value;
}

describe("runAudit", () => {
  it("flags a switch that moves its outcome and not one that moves nothing (Ishigami at x1 = 0)", async () => {
    const r = await audit("model: ishigami\nparams: { x1: 0 }\n", 3);
    const byPath = Object.fromEntries(r.contrasts.map((c) => [c.contrast.switch.path, c]));
    expect(byPath.x1!.moved).toBe(1);
    expect(byPath.x1!.effects[0]!.diff).toBeCloseTo(1, 12);
    expect(byPath.x3!.moved).toBe(0);
    expect(byPath.x3!.effects[0]!.diff).toBe(0);
    expect(r.failed.count).toBe(0);
  });

  it("finds the same switch live where its interaction partner is not 0 (Ishigami at x1 = 0.5)", async () => {
    const r = await audit("model: ishigami\nparams: { x1: 0.5 }\n", 3);
    const x3 = r.contrasts.find((c) => c.contrast.switch.path === "x3")!;
    expect(x3.moved).toBe(1);
    // b · π⁴ · sin 0.5 with b = 0.1.
    expect(x3.effects[0]!.diff).toBeCloseTo(0.1 * Math.PI ** 4 * Math.sin(0.5), 10);
  });

  it("runs every variant with the same seeds (common random numbers), each variant once per seed", async () => {
    const seen: RunTask[] = [];
    const r = await audit("model: ishigami\nparams: { x1: 0 }\n", 4, seen);
    // Variants: the scenario, x1 at π/2, x3 at π (both switches' low ends are the scenario's values).
    expect(seen).toHaveLength(3 * 4);
    for (let p = 0; p < 3; p++) {
      expect(seen.filter((t) => t.point === p).map((t) => t.seed)).toEqual(r.seeds);
    }
    expect(new Set(r.seeds).size).toBe(4);
  });
});
