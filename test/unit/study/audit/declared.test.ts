/** Every registered model's declared switches plan on its default scenario: paths exist, values pass its schema and check. */
import { describe, expect, it } from "vitest";
import { MODELS } from "../../../../src/models/registry.js";
import { loadScenarioText } from "../../../../src/scenario/load.js";
import { planAudit } from "../../../../src/study/audit/plan.js";

const declaring = MODELS.filter((m) => (m.switches ?? []).length > 0);

describe("declared switches", () => {
  it("are declared by the economy (and the Ishigami function, whose answers are known)", () => {
    expect(declaring.map((m) => m.name)).toEqual(expect.arrayContaining(["economy", "ishigami"]));
  });

  it.each(declaring.map((m) => [m.name, m] as const))(
    "of %s plan on a scenario of its defaults",
    (name, m) => {
      const loaded = loadScenarioText(`model: ${name}\nticks: 1\n`, `${name}.yaml`);
      if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join("; "));
      const plan = planAudit(loaded.scenario, m.switches!, undefined);
      expect(plan.ok ? [] : plan.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
      // Each switch is one contrast of two different variants, and each has a claim of one sentence.
      if (!plan.ok) return;
      for (const c of plan.value.contrasts) expect(c.pointA).not.toBe(c.pointB);
      for (const s of m.switches!) expect(s.claim).toMatch(/^[A-Za-z][^\n]*\.$/);
    },
  );
});
