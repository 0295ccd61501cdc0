import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFocalCounts } from "../../../src/engine/focal-counts.js";
import { createGrid } from "../../../src/engine/grid.js";
import { createNeighborhood, type NeighborhoodKind } from "../../../src/engine/neighborhood.js";

const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** Brute-force neighbourhood multiset of `cell` (wrapped on a torus, clipped on a bounded grid). */
function refNeighbours(
  w: number,
  h: number,
  torus: boolean,
  kind: NeighborhoodKind,
  r: number,
  cell: number,
): number[] {
  const x = cell % w;
  const y = Math.floor(cell / w);
  const out: number[] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      if (dx === 0 && dy === 0) continue;
      const d = kind === "moore" ? Math.max(Math.abs(dx), Math.abs(dy)) : Math.abs(dx) + Math.abs(dy);
      if (d > r) continue;
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

type Op =
  | { t: "add"; cell: number; k: number }
  | { t: "remove"; pick: number }
  | { t: "move"; pick: number; to: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ cell: fc.nat(), k: fc.nat() }).map((r): Op => ({ t: "add", ...r })) },
  { weight: 2, arbitrary: fc.nat().map((pick): Op => ({ t: "remove", pick })) },
  { weight: 4, arbitrary: fc.record({ pick: fc.nat(), to: fc.nat() }).map((r): Op => ({ t: "move", ...r })) },
);

describe("FocalCounts", () => {
  it("starts at zero", () => {
    const g = createGrid({ width: 4, height: 4 });
    const f = createFocalCounts(createNeighborhood(g, "moore", 1), g.size, 3);
    expect(f.counts.length).toBe(48);
    expect(f.counts.every((v) => v === 0)).toBe(true);
    expect(f.size).toBe(16);
    expect(f.categories).toBe(3);
  });

  it("property: count(cell, k) equals brute-force counting of members of k in the neighbourhood", () => {
    fc.assert(
      fc.property(
        fc.record({
          width: fc.integer({ min: 1, max: 10 }),
          height: fc.integer({ min: 1, max: 10 }),
          torus: fc.boolean(),
          kind: fc.constantFrom<NeighborhoodKind>("moore", "von-neumann"),
          radius: fc.integer({ min: 1, max: 3 }),
          categories: fc.integer({ min: 1, max: 3 }),
        }),
        fc.array(opArb, { maxLength: 50, size: "max" }),
        ({ width, height, torus, kind, radius, categories }, ops) => {
          const g = createGrid({ width, height, torus });
          const nb = createNeighborhood(g, kind, radius);
          const f = createFocalCounts(nb, g.size, categories);
          // Members may share cells: FocalCounts does not care about occupancy.
          const members: { cell: number; k: number }[] = [];
          const neighbours = Array.from({ length: g.size }, (_, c) =>
            refNeighbours(width, height, torus, kind, radius, c),
          );
          const check = (): void => {
            for (let k = 0; k < categories; k++) {
              for (let c = 0; c < g.size; c++) {
                let want = 0;
                for (const n of neighbours[c]!)
                  for (const m of members) if (m.k === k && m.cell === n) want++;
                if (f.count(c, k) !== want) expect.fail(`count(${c}, ${k}) = ${f.count(c, k)}, want ${want}`);
              }
            }
          };
          for (const op of ops) {
            if (op.t === "add") {
              const m = { cell: op.cell % g.size, k: op.k % categories };
              members.push(m);
              f.add(m.cell, m.k);
            } else if (members.length > 0) {
              const i = op.pick % members.length;
              const m = members[i]!;
              if (op.t === "remove") {
                members.splice(i, 1);
                f.remove(m.cell, m.k);
              } else {
                const to = op.to % g.size;
                f.move(m.cell, to, m.k);
                m.cell = to;
              }
            }
            check();
          }
          // Removing everyone brings every count back to zero.
          for (const m of members) f.remove(m.cell, m.k);
          expect(f.counts.every((v) => v === 0)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("counts excludes the member's own cell on a bounded grid", () => {
    const g = createGrid({ width: 5, height: 5 });
    const f = createFocalCounts(createNeighborhood(g, "moore", 1), g.size, 2);
    f.add(12, 1); // centre
    expect(f.count(12, 1)).toBe(0);
    expect(f.count(12, 0)).toBe(0);
    for (const c of [6, 7, 8, 11, 13, 16, 17, 18]) expect(f.count(c, 1)).toBe(1);
    expect(f.count(0, 1)).toBe(0);
    f.move(12, 0, 1);
    expect(f.count(6, 1)).toBe(1);
    expect(f.count(8, 1)).toBe(0);
    expect(f.count(1, 1) + f.count(5, 1)).toBe(2);
  });
});
