import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGrid } from "../../../../src/engine/grid.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { createVision, VISION_SHAPES, type VisionShape } from "../../../../src/models/population/vision.js";

const mod = (a: number, m: number): number => ((a % m) + m) % m;
const sortNum = (xs: Iterable<number>): number[] => [...xs].sort((a, b) => a - b);

/** Brute force: every displacement in the shape (own cell included), wrapped or dropped at edges. */
function refField(
  w: number,
  h: number,
  torus: boolean,
  shape: VisionShape,
  r: number,
  cell: number,
): number[] {
  const x = cell % w;
  const y = Math.floor(cell / w);
  const out: number[] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const inside =
        shape === "disk"
          ? Math.hypot(dx, dy) <= r
          : shape === "von-neumann"
            ? Math.abs(dx) + Math.abs(dy) <= r
            : shape === "lateral"
              ? dx === 0 || dy === 0
              : true;
      if (!inside) continue;
      let nx = x + dx;
      let ny = y + dy;
      if (torus) {
        nx = mod(nx, w);
        ny = mod(ny, h);
      } else if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      out.push(ny * w + nx);
    }
  }
  return out;
}

const caseArb = fc.record({
  w: fc.integer({ min: 1, max: 14 }),
  h: fc.integer({ min: 1, max: 14 }),
  torus: fc.boolean(),
  shape: fc.constantFrom(...VISION_SHAPES),
  r: fc.integer({ min: 1, max: 8 }),
  seed: fc.nat(),
});

describe("vision field", () => {
  it("has the textbook sizes (NetLogo's in-radius 7 covers 149 patches)", () => {
    const g = createGrid({ width: 40, height: 40, torus: true });
    expect(createVision(g, "disk", 7).count).toBe(149);
    for (const r of [1, 3, 7]) {
      expect(createVision(g, "von-neumann", r).count).toBe(2 * r * r + 2 * r + 1);
      expect(createVision(g, "moore", r).count).toBe((2 * r + 1) ** 2);
      expect(createVision(g, "lateral", r).count).toBe(4 * r + 1);
    }
  });

  it("lists, sums, filters and spreads exactly over the brute-force field, wrapped or clipped, for every shape (property)", () => {
    fc.assert(
      fc.property(caseArb, ({ w, h, torus, shape, r, seed }) => {
        const g = createGrid({ width: w, height: h, torus });
        const v = createVision(g, shape, r);
        const rng = createRngHub(seed).stream("layer");
        const layer = Float64Array.from({ length: g.size }, () => rng.int(0, 9));
        const buf = new Int32Array(v.count);
        for (let c = 0; c < g.size; c++) {
          const ref = refField(w, h, torus, shape, r, c);
          const n = v.cells(c, buf);
          expect(sortNum(buf.subarray(0, n))).toEqual(sortNum(ref));
          expect(v.sum(layer, c)).toBe(ref.reduce((s, k) => s + layer[k]!, 0));
          const m = v.collect(layer, c, buf);
          expect(sortNum(buf.subarray(0, m))).toEqual(sortNum(ref.filter((k) => layer[k] !== 0)));
        }
        // add() spreads a member over its field; by symmetry each cell then counts its own field.
        const counts = new Int32Array(g.size);
        for (let c = 0; c < g.size; c++) if (layer[c]! > 0) v.add(counts, c, layer[c]!);
        for (let c = 0; c < g.size; c++) {
          expect(counts[c]).toBe(refField(w, h, torus, shape, r, c).reduce((s, k) => s + layer[k]!, 0));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("picks only free cells of the field, and -1 when none is free (property)", () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 1, noNaN: true }), (k, fullness) => {
        const g = createGrid({ width: k.w, height: k.h, torus: k.torus });
        const v = createVision(g, k.shape, k.r);
        const rng = createRngHub(k.seed).stream("pick");
        const a = Int32Array.from({ length: g.size }, (_, c) => (rng.next() < fullness ? c : -1));
        const b = Int32Array.from({ length: g.size }, () => (rng.next() < 0.2 ? 1 : -1));
        const blocked = Uint8Array.from({ length: g.size }, () => (rng.next() < 0.1 ? 1 : 0));
        const buf = new Int32Array(v.count);
        for (let from = 0; from < g.size; from++) {
          const field = new Set(refField(k.w, k.h, k.torus, k.shape, k.r, from));
          const free = [...field].filter((c) => a[c] === -1 && b[c] === -1 && blocked[c] === 0);
          const got = v.randomFree(from, a, b, blocked, rng, buf);
          if (free.length === 0) expect(got).toBe(-1);
          else expect(free).toContain(got);
        }
      }),
      { numRuns: 100 },
    );
  });

  // 99.9th percentiles of chi-square with 1 and 6 degrees of freedom.
  const CHI2_999: Record<number, number> = { 1: 10.83, 6: 22.46 };

  for (const [label, every] of [
    ["one field cell in four free (random tries succeed)", 4],
    ["two field cells free (32 tries all miss one time in ten: the scan picks)", 15],
  ] as const) {
    it(`picks free cells uniformly: ${label}`, () => {
      const g = createGrid({ width: 9, height: 9, torus: true });
      const v = createVision(g, "disk", 3);
      const from = 40;
      const field = refField(9, 9, true, "disk", 3, from); // 29 cells
      const a = new Int32Array(g.size).fill(-1);
      const free: number[] = [];
      field.forEach((c, i) => {
        if (i % every === 1) free.push(c);
        else a[c] = c;
      });
      const rng = createRngHub(5).stream("uniform");
      const buf = new Int32Array(v.count);
      const hits = new Map<number, number>();
      const draws = 8000;
      for (let i = 0; i < draws; i++) {
        const c = v.randomFree(from, a, undefined, undefined, rng, buf);
        hits.set(c, (hits.get(c) ?? 0) + 1);
      }
      expect(sortNum(hits.keys())).toEqual(sortNum(free));
      const expected = draws / free.length;
      let chi2 = 0;
      for (const c of free) chi2 += ((hits.get(c) ?? 0) - expected) ** 2 / expected;
      expect(chi2).toBeLessThan(CHI2_999[free.length - 1]!);
    });
  }
});
