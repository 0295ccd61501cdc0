/** Saltelli and Morris designs: their layout, their roles, and the study-file rules around them. */
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { buildDesign, type Factor, pointValues } from "../../../../src/study/designs/design.js";
import { designDocument } from "../../../../src/study/designs/design-file.js";
import { morrisDelta, morrisSamples, selectSpread } from "../../../../src/study/designs/morris.js";
import { saltelliSamples } from "../../../../src/study/designs/saltelli.js";
import { sobolPoints } from "../../../../src/study/designs/sobol.js";
import { loadStudyText } from "../../../../src/study/load.js";

const range = (name: string): Factor => ({
  kind: "range",
  path: `params.${name}`,
  name,
  min: 0,
  max: 1,
  integer: false,
});

describe("saltelliSamples", () => {
  it("lays out A, AB_j, BA_j, B per base row from one Sobol sequence of dimension 2k", () => {
    const n = 8;
    const k = 3;
    const { unit, roles } = saltelliSamples(n, k, true);
    const block = 2 * k + 2;
    expect(roles.role.length).toBe(n * block);
    expect(roles.role.slice(0, block)).toEqual(["A", "AB", "AB", "AB", "BA", "BA", "BA", "B"]);
    const sob = sobolPoints(n, 2 * k);
    const at = (s: number, j: number) => unit[s * k + j]!;
    for (let i = 0; i < n; i++) {
      const a = (j: number) => sob[i * 2 * k + j]!;
      const b = (j: number) => sob[i * 2 * k + k + j]!;
      const s0 = i * block;
      for (let j = 0; j < k; j++) {
        expect(at(s0, j)).toBe(a(j));
        expect(at(s0 + block - 1, j)).toBe(b(j));
        for (let m = 0; m < k; m++) {
          expect(at(s0 + 1 + m, j)).toBe(j === m ? b(j) : a(j));
          expect(at(s0 + 1 + k + m, j)).toBe(j === m ? a(j) : b(j));
        }
      }
      expect(roles.row[s0 + 3]).toBe(i);
      expect(roles.factor.slice(s0, s0 + block)).toEqual([-1, 0, 1, 2, 0, 1, 2, -1]);
    }
  });

  it("has N·(k+2) samples without second order", () => {
    const d = buildDesign([range("a"), range("b")], "saltelli", 16, 1);
    expect(d.samples).toBe(64);
    expect(d.layout?.kind).toBe("saltelli");
    expect(designDocument(d)).toMatchObject({
      design: "saltelli",
      samples: 64,
      saltelli: { base: 16, secondOrder: false },
    });
  });
});

describe("morrisSamples", () => {
  it("moves one factor per step by ±Δ on the p-level grid, each factor once per trajectory", () => {
    const k = 5;
    const r = 30;
    const levels = 6;
    const delta = morrisDelta(levels);
    const { unit, roles } = morrisSamples(r, k, levels, 7);
    expect(unit.length).toBe(r * (k + 1) * k);
    for (let t = 0; t < r; t++) {
      const moved = new Set<number>();
      for (let j = 0; j <= k; j++) {
        const s = t * (k + 1) + j;
        for (let z = 0; z < k; z++) {
          const u = unit[s * k + z]!;
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1);
          expect(Math.abs(u * (levels - 1) - Math.round(u * (levels - 1)))).toBeLessThan(1e-9);
        }
        if (j === 0) {
          expect(roles.role[s]).toBe("start");
          continue;
        }
        const f = roles.factor[s]!;
        moved.add(f);
        for (let z = 0; z < k; z++) {
          const d = unit[s * k + z]! - unit[(s - 1) * k + z]!;
          expect(d).toBeCloseTo(z === f ? roles.step[s]! * delta : 0, 12);
        }
      }
      expect(moved.size).toBe(k);
    }
  });

  it("is seeded, and chooses spread trajectories from candidates", () => {
    expect(morrisSamples(4, 3, 4, 1).unit).toEqual(morrisSamples(4, 3, 4, 1).unit);
    expect(morrisSamples(4, 3, 4, 1).unit).not.toEqual(morrisSamples(4, 3, 4, 2).unit);
    // Two far-apart trajectories among near-identical ones are the pair picked.
    const near = Float64Array.from([0.5, 0.5]);
    const pool = [near, Float64Array.from([0, 0]), near, Float64Array.from([1, 1]), near];
    expect(selectSpread(pool, 2, 1)).toEqual([1, 3]);
  });

  it("has r·(k+1) samples and its design lists the roles", () => {
    const d = buildDesign([range("a"), range("b"), range("c")], "morris", 10, 3, { candidates: 40 });
    expect(d.samples).toBe(40);
    const doc = designDocument(d)!;
    expect(doc.design).toBe("morris");
    expect(doc.roles.role.filter((x) => x === "start")).toHaveLength(10);
    expect(pointValues(d, 0)).toHaveLength(3);
  });
});

const FILE = "test/fixtures/studies/s.yaml";
const problems = (text: string) => {
  const r = loadStudyText(text, FILE);
  return r.ok ? [] : r.problems.map(problemLine);
};

describe("sensitivity designs in study files", () => {
  const head = "name: t\nscenario: ../../../scenarios/test-functions/ishigami.yaml\n";
  const x = "factors:\n  params.x1: { min: -3, max: 3 }\n  params.x2: { min: -3, max: 3 }\n";

  it("loads a Saltelli study with N·(k+2) points per cell", () => {
    const r = loadStudyText(`${head}design: saltelli\nsamples: 8\nsecondOrder: true\n${x}`, FILE);
    expect(r.ok && r.study.design.points).toBe(8 * 6);
  });

  it("locates keys used with the wrong design, odd levels and too few candidates", () => {
    expect(problems(`${head}design: lhs\nsamples: 8\nsecondOrder: true\nlevels: 4\n${x}`)).toEqual([
      `${FILE}:5:1  secondOrder  applies to design: saltelli only`,
      `${FILE}:6:1  levels  applies to design: morris only`,
    ]);
    expect(problems(`${head}design: morris\nsamples: 8\nlevels: 5\ncandidates: 8\n${x}`)).toEqual([
      `${FILE}:5:9  levels  must be even (then every Morris step Δ = p/(2(p−1)) stays on the grid)`,
      `${FILE}:6:13  candidates  must be more than samples (8), the trajectories kept from them`,
    ]);
  });

  it("refuses more than 10 factors for saltelli", () => {
    const many = Array.from({ length: 11 }, (_, i) => `  params.a.${i}: { min: 0, max: 1 }\n`).join("");
    const text = `name: t\nscenario: ../../../scenarios/test-functions/sobol-g.yaml\ndesign: saltelli\nsamples: 4\nfactors:\n${many}`;
    expect(problems(text)[0]).toBe(
      `${FILE}:3:9  design  saltelli supports at most 10 range factors (its Sobol sequence has 2 per factor)`,
    );
  });
});
