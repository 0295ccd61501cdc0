/** Alliance forces: activation, postures, coordination, budget and the layers they leave. */

import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import { AllianceState, allianceDay, mayDeploy } from "../../../../src/models/nexus/alliance/alliance.js";
import { Belief } from "../../../../src/models/nexus/alliance/belief.js";
import { createContingents, isDeployed } from "../../../../src/models/nexus/alliance/contingents.js";
import { drillCandidates } from "../../../../src/models/nexus/alliance/deploy.js";
import { type Force, POSTURE_DRILL } from "../../../../src/models/nexus/alliance/forces.js";
import { rememberTaxPoints } from "../../../../src/models/nexus/alliance/intel.js";
import { AllianceLayers } from "../../../../src/models/nexus/alliance/layers.js";
import { reactToColumns } from "../../../../src/models/nexus/alliance/reaction.js";
import { setupAlliance } from "../../../../src/models/nexus/alliance/setup.js";
import { armedParams } from "../../../../src/models/nexus/armed/params.js";
import { canStep } from "../../../../src/worlds/build.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";
import { CROSSING_NONE } from "../../../../src/worlds/types.js";
import { syntheticFlow } from "./fixture.js";

const world = corridorWorld();
const flow = syntheticFlow(world);
/** No tax point known: route-control follows the flow alone. */
const taxHeld = new Float64Array(world.grid.size);
const K = world.countries.length;
const k = (code: string) => world.countries.indexOf(code);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Forces and rules from raw alliance parameters (drill shares fixed: consent.test.ts covers their shift). */
function resolve(raw: object) {
  const alliance = { belief: { postureWeight: 0 }, ...raw };
  const res = setupAlliance(world, armedParams.parse({ alliance }).alliance);
  if (!res.ok) throw new Error(res.problems[0]!.message);
  return res;
}

/** Run `days` alliance days with no accepted invitation; returns the final state and layers. */
function run(raw: object, seed: number, days: number) {
  const { forces, rules } = resolve(raw);
  const store = createContingents(forces);
  const st = new AllianceState(forces.length, K);
  const layers = new AllianceLayers(world.grid.size);
  const rng = createRngHub(seed).stream("alliance");
  const accepted = new Uint8Array(forces.length * K);
  const belief = new Belief(K, 0.5, 90);
  const today = { contingents: store, forces, rules, state: st, world, accepted, belief, flow, taxHeld };
  for (let d = 0; d < days; d++) {
    allianceDay(today, d, rng);
    layers.rebuild(store, forces, rules, world);
  }
  return { forces, rules, store, st, layers };
}

const everywhere = (code: string[]) => code.map((country) => ({ country }));

describe("activation (non-interference)", () => {
  const f = resolve({}).forces[0]!; // CSTO, invited by Tajikistan
  it("never lets a force into a non-member, invited or accepted", () => {
    const accepted = new Uint8Array(K).fill(1);
    const uz: Force = { ...f, invitations: [{ country: k("UZ"), fromDay: 0, toDay: 1e6 }] };
    expect(mayDeploy(uz, k("UZ"), 10, accepted)).toBe(false);
    expect(mayDeploy(uz, k("AF"), 10, accepted)).toBe(false);
  });

  it("lets it into a member on a standing invitation (within its days) or an accepted one", () => {
    const accepted = new Uint8Array(K);
    const inv: Force = { ...f, invitations: [{ country: k("KG"), fromDay: 5, toDay: 9 }] };
    expect(mayDeploy(inv, k("KG"), 4, accepted)).toBe(false);
    expect(mayDeploy(inv, k("KG"), 5, accepted)).toBe(true);
    expect(mayDeploy(inv, k("KG"), 10, accepted)).toBe(false);
    expect(mayDeploy(inv, k("KZ"), 7, accepted)).toBe(false);
    accepted[k("KZ")] = 1;
    expect(mayDeploy(inv, k("KZ"), 7, accepted)).toBe(true);
  });

  it("recalls contingents when an invitation ends", () => {
    const raw = {
      forces: [{ ...armedParams.parse({}).alliance.forces[0]!, invitations: [{ country: "TJ", toDay: 9 }] }],
    };
    const early = run(raw, 1, 9);
    const late = run(raw, 1, 12);
    expect(early.store.order().some((id) => isDeployed(early.store, id))).toBe(true);
    expect(late.store.order().some((id) => isDeployed(late.store, id))).toBe(false);
    expect(late.st.recalls).toBeGreaterThan(0);
  });
});

describe("postures", () => {
  it("incursion-drill candidates are the cells of allowed countries a legal step from Afghanistan reaches", () => {
    const allowed = new Uint8Array(K);
    allowed[k("TJ")] = 1;
    const c = drillCandidates(world, allowed, k("AF"));
    expect(c.cells.length).toBeGreaterThan(0);
    const g = world.grid;
    for (const cell of c.cells) {
      expect(world.country[cell]).toBe(k("TJ"));
      let entered = false;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const n = g.at(g.x(cell) + dx, g.y(cell) + dy);
          if (n >= 0 && world.country[n] === k("AF") && canStep(world, n, cell)) entered = true;
        }
      expect(entered).toBe(true);
    }
    // Every such cell is a candidate: no entry point is left unwatched by construction.
    for (let cell = 0; cell < g.size; cell++) {
      if (world.country[cell] !== k("TJ")) continue;
      const fromAf = [-1, 0, 1].some((dy) =>
        [-1, 0, 1].some((dx) => {
          const n = g.at(g.x(cell) + dx, g.y(cell) + dy);
          return n >= 0 && world.country[n] === k("AF") && canStep(world, n, cell);
        }),
      );
      expect(c.cells.includes(cell)).toBe(fromAf);
    }
  });

  it("drill masses at the crossings; route-control spreads along flows and raises detection and skill", () => {
    const drill = run({}, 3, 10);
    const route = run(
      { forces: [{ ...armedParams.parse({}).alliance.forces[0]!, posture: "route-control" }] },
      3,
      10,
    );
    for (const id of drill.store.order()) {
      const c = drill.store.col.cell[id]!;
      expect(drill.store.col.posture[id]).toBe(POSTURE_DRILL);
      if (c >= 0) expect(world.crossing[c]).not.toBe(CROSSING_NONE);
    }
    const positioned = route.store.order().filter((id) => route.store.col.cell[id]! >= 0);
    expect(positioned.length).toBeGreaterThan(0);
    for (const id of positioned) expect(flow[route.store.col.cell[id]!]).toBeGreaterThan(0);
    const maxOf = (a: Float64Array) => a.reduce((m, x) => Math.max(m, x), 0);
    expect(maxOf(route.layers.detection)).toBeGreaterThan(1);
    expect(maxOf(drill.layers.detection)).toBe(1);
    expect(maxOf(route.layers.skill)).toBeGreaterThan(maxOf(drill.layers.skill));
    expect(route.layers.covered).toBeGreaterThan(drill.layers.covered);
  });
});

describe("garrison (the status quo)", () => {
  it("keeps every contingent at base, shifts none, and pays the same troop-days as a deployed posture", () => {
    const base = armedParams.parse({}).alliance.forces[0]!;
    const inTJ = [{ country: "TJ" }];
    // Belief shifts postures at every re-plan here, so a garrison that shifted would show it.
    const shifting = (posture: string) => ({
      forces: [{ ...base, posture, invitations: inTJ }],
      belief: { postureWeight: 1 },
      replanDays: 5,
    });
    const drill = run(shifting("incursion-drill"), 4, 30);
    const held = run(shifting("garrison"), 4, 30);
    expect(held.forces[0]!.garrison).toBe(true);
    expect(drill.store.order().some((id) => isDeployed(drill.store, id))).toBe(true);
    for (const id of held.store.order()) expect(isDeployed(held.store, id)).toBe(false);
    expect(held.st.deployed[0]).toBe(0);
    expect(drill.st.shifted).toBeGreaterThan(0);
    expect(held.st.shifted).toBe(0);
    expect(held.layers.covered).toBe(0);
    expect(held.st.spent[0]).toBe(drill.st.spent[0]);
  });
});

describe("coordination (20 seeds)", () => {
  it("deconflicted forces overlap less and cover more than forces planning in isolation", () => {
    const base = armedParams.parse({}).alliance.forces;
    const forces = base.map((f) => ({
      ...f,
      posture: "route-control" as const,
      invitations: everywhere(["TJ", "KG", "KZ"]),
    }));
    const overlap: number[][] = [[], []];
    const covered: number[][] = [[], []];
    for (let seed = 1; seed <= 20; seed++) {
      [0, 1].forEach((coordination) => {
        const r = run({ forces, coordination }, seed, 10);
        overlap[coordination]!.push(r.layers.overlap);
        covered[coordination]!.push(r.layers.covered);
      });
    }
    expect(mean(overlap[1]!)).toBeLessThan(mean(overlap[0]!));
    expect(mean(covered[1]!)).toBeGreaterThan(mean(covered[0]!));
  });
});

describe("budget", () => {
  it("spends no more troop-days than the budget, paced over the horizon", () => {
    const f = { ...armedParams.parse({}).alliance.forces[0]!, troopDayBudget: 20_000 };
    const r = run({ forces: [f], horizonDays: 40 }, 2, 80);
    expect(r.st.spent[0]).toBeLessThanOrEqual(20_000);
    expect(r.st.spent[0]).toBeGreaterThan(10_000);
    const half = run({ forces: [f], horizonDays: 40 }, 2, 20);
    // Paced: by the half-way day at most about half the budget is gone.
    expect(half.st.spent[0]).toBeLessThanOrEqual(20_000 * 0.6);
  });
});

describe("tax-point intelligence", () => {
  it("remembers a cell held every day toward 1 and forgets one no longer held", () => {
    const held = new Float64Array(4);
    for (let d = 0; d < 200; d++) rememberTaxPoints(held, [1], 30);
    expect(held[1]).toBeGreaterThan(0.99);
    expect(held[0]).toBe(0);
    for (let d = 0; d < 60; d++) rememberTaxPoints(held, [], 30);
    expect(held[1]).toBeLessThan(Math.exp(-60 / 30) + 1e-9);
  });
});

describe("reaction (the drill's reserves)", () => {
  /**
   * A run of 5 alliance days (positions taken), then one reaction to a column of Lanchester
   * strength `strength` crossing at `entry`.
   */
  function react(entry: number, warningChance: number, seed: number, strength = 0) {
    const { forces, rules } = resolve({});
    const store = createContingents(forces);
    const st = new AllianceState(forces.length, K);
    const rng = createRngHub(seed).stream("alliance");
    const accepted = new Uint8Array(forces.length * K);
    const belief = new Belief(K, 0.5, 90);
    const day = { contingents: store, forces, rules, state: st, world, accepted, belief, flow, taxHeld };
    for (let d = 0; d < 5; d++) allianceDay(day, d, rng);
    const r = {
      world,
      forces,
      rules: { ...rules, warningChance },
      contingents: store,
      state: st,
      terrainDefence: 0.5,
      moved: 0,
    };
    const before = store.order().map((id) => store.col.cell[id]!);
    const columns = { ids: [0], marching: () => true, entry: () => entry, strength: () => strength };
    reactToColumns(r, columns, rng);
    return { r, store, before, rules };
  }

  /** Lanchester strength of the drill contingents at or heading to positions covering `entry`. */
  function screenAt(store: ReturnType<typeof react>["store"], entry: number, radius: number) {
    const { forces } = resolve({});
    let q = 0;
    let t = 0;
    for (const id of store.order()) {
      const at = store.col.target[id]! >= 0 ? store.col.target[id]! : store.col.cell[id]!;
      if (store.col.posture[id] !== POSTURE_DRILL || at < 0 || world.country[at] !== world.country[entry])
        continue;
      if (world.grid.distance(at, entry, "chebyshev") > radius) continue;
      q += forces[store.col.force[id]!]!.quality * store.col.troops[id]!;
      t += store.col.troops[id]!;
    }
    return q * t * (1 + 0.5 * world.ruggedness[entry]!);
  }

  it("masses drill screens, nearest first, until the screen outweighs the column (20 seeds)", () => {
    const tj = k("TJ");
    const entries = drillCandidates(
      world,
      Uint8Array.from(world.countries, (_, i) => (i === tj ? 1 : 0)),
      k("AF"),
    ).cells;
    const column = 0.8 * 600 * 600; // a column of 600 armed fighters
    let massed = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const entry = entries[seed % entries.length]!;
      const { r, store, rules } = react(entry, 1, seed, column);
      const radius = rules.radius[POSTURE_DRILL]!;
      const outside = store
        .order()
        .filter((id) => store.col.posture[id] === POSTURE_DRILL && store.col.cell[id]! >= 0);
      // Either the screen now outweighs the column or every drill screen in position already covers it.
      const strong = screenAt(store, entry, radius) > column;
      expect(
        strong ||
          outside.every((id) => world.grid.distance(store.col.cell[id]!, entry, "chebyshev") <= radius),
      ).toBe(true);
      if (strong && r.moved > 0) massed++;
    }
    // One company of 250 (quality 1.5), even on the most rugged ground, is no block for 600 …
    expect(1.5 * 250 * 250 * 1.5).toBeLessThan(column);
    // … so where the reserves moved, they massed a screen that is.
    expect(massed).toBeGreaterThanOrEqual(10);
  });

  it("moves the nearest drill screen to an uncovered crossing a column marches on, after its readiness", () => {
    const tj = k("TJ");
    const entries = drillCandidates(
      world,
      Uint8Array.from(world.countries, (_, i) => (i === tj ? 1 : 0)),
      k("AF"),
    );
    let moved = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const entry of entries.cells) {
        const { r, store, before, rules } = react(entry, 1, seed);
        if (r.moved === 0) continue; // covered already
        moved++;
        const id = store.order().find((i) => store.col.target[i] === entry && store.col.cell[i] === -1)!;
        expect(store.col.posture[id]).toBe(POSTURE_DRILL);
        const from = before[store.order().indexOf(id)]!;
        const d = world.grid.distance(from, entry, "chebyshev");
        expect(store.col.transit[id]).toBe(
          rules.readyDays + Math.max(1, Math.ceil(d / r.forces[store.col.force[id]!]!.mobility)),
        );
        // No other drill screen in position was nearer.
        for (const j of store.order()) {
          if (j === id || store.col.posture[j] !== POSTURE_DRILL || store.col.cell[j]! < 0) continue;
          expect(world.grid.distance(store.col.cell[j]!, entry, "chebyshev")).toBeGreaterThanOrEqual(d);
        }
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("does nothing when it learns nothing (warning chance 0)", () => {
    const { r, store, before } = react(
      drillCandidates(world, new Uint8Array(K).fill(1), k("AF")).cells[0]!,
      0,
      3,
    );
    expect(r.moved).toBe(0);
    expect(store.order().map((id) => store.col.cell[id]!)).toEqual(before);
  });
});
