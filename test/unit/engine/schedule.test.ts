import { describe, expect, it } from "vitest";
import { createAgentStore } from "../../../src/engine/agents.js";
import { createRngHub } from "../../../src/engine/rng.js";
import { agentPhase, createSimulation, type Flushable, Simulation } from "../../../src/engine/schedule.js";

describe("Simulation", () => {
  it("runs before → phases in order (each followed by a flush of every store) → after, once per tick", () => {
    const log: string[] = [];
    const store = (name: string): Flushable => ({
      flush: () => {
        log.push(`flush:${name}`);
        return 0;
      },
    });
    const sim = createSimulation({
      phases: [
        { name: "a", run: (t) => log.push(`a${t}`) },
        { name: "b", run: (t) => log.push(`b${t}`) },
      ],
      stores: [store("s1"), store("s2")],
      before: (t) => log.push(`before${t}`),
      after: (t) => log.push(`after${t}`),
    });
    sim.step();
    sim.step();
    const tick = (t: number) => [
      `before${t}`,
      `a${t}`,
      "flush:s1",
      "flush:s2",
      `b${t}`,
      "flush:s1",
      "flush:s2",
      `after${t}`,
    ];
    expect(log).toEqual([...tick(0), ...tick(1)]);
    expect(sim.tick).toBe(2);
  });

  it("flush() flushes every store once", () => {
    let n = 0;
    const sim = new Simulation({ phases: [], stores: [{ flush: () => ++n }, { flush: () => ++n }] });
    sim.flush();
    expect(n).toBe(2);
  });

  it("run(max) stops at max ticks in total and returns ticks done", () => {
    let runs = 0;
    const sim = createSimulation({ phases: [{ name: "p", run: () => runs++ }], stores: [] });
    expect(sim.run(5)).toBe(5);
    expect(runs).toBe(5);
    expect(sim.run(8)).toBe(8);
    expect(runs).toBe(8);
    expect(sim.run(3)).toBe(8);
    expect(runs).toBe(8);
  });

  it("the stop condition sees the ticks completed and ends the run", () => {
    const seen: number[] = [];
    let afterCalls = 0;
    const sim = createSimulation({
      phases: [{ name: "p", run: () => {} }],
      stores: [],
      after: () => afterCalls++,
      stop: (done) => {
        seen.push(done);
        return done === 3;
      },
    });
    expect(sim.run(100)).toBe(3);
    expect(sim.stopped).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
    expect(afterCalls).toBe(3);
    expect(sim.run(100)).toBe(3);
  });

  it("duplicate phase names throw", () => {
    const p = { name: "x", run: () => {} };
    expect(() => createSimulation({ phases: [p, { ...p }], stores: [] })).toThrow(/duplicate phase name "x"/);
  });

  it("a spawn in phase A is visible in phase B of the same tick; a removal in A is invisible in B", () => {
    const store = createAgentStore("a", { v: "i32" });
    for (let i = 0; i < 3; i++) store.stage();
    store.flush();
    const seenInB: number[][] = [];
    const seenInAAfterSpawn: number[][] = [];
    const sim = createSimulation({
      stores: [store],
      phases: [
        {
          name: "A",
          run(t) {
            store.remove(t); // remove id = tick
            const r = store.stage();
            store.staged.v[r] = 100 + t;
            seenInAAfterSpawn.push(Array.from(store.order()).map((id) => store.col.v[id]!));
          },
        },
        { name: "B", run: () => seenInB.push(Array.from(store.sortedIds()).map((id) => store.col.v[id]!)) },
      ],
    });
    sim.step();
    // Inside A: the spawn is not there yet, the removed agent (id 0, v 0) is already gone.
    expect(seenInAAfterSpawn[0]!.sort()).toEqual([0, 0]);
    expect(store.alive).toBe(3);
    // In B: the new agent (v 100) is there, the removed one is not.
    expect(seenInB[0]!.sort((a, b) => a - b)).toEqual([0, 0, 100]);
    // The newcomer got the freed id 0.
    expect(store.has(0)).toBe(true);
    expect(store.col.v[0]).toBe(100);
  });
});

describe("agentPhase", () => {
  it("acts on every live agent once per tick, skipping agents removed earlier in the phase", () => {
    const store = createAgentStore("a", { v: "i32" });
    for (let i = 0; i < 10; i++) store.stage();
    store.flush();
    const acted: number[] = [];
    const removedThisPhase = new Set<number>();
    const phase = agentPhase(
      "act",
      store,
      (id, tick) => {
        expect(tick).toBe(0);
        expect(removedThisPhase.has(id)).toBe(false);
        acted.push(id);
        // Each even agent kills the next id, which must then not act if still to come.
        if (id % 2 === 0 && store.has(id + 1)) {
          store.remove(id + 1);
          removedThisPhase.add(id + 1);
        }
      },
      createRngHub(4).stream("order"),
    );
    phase.run(0);
    expect(phase.name).toBe("act");
    expect(new Set(acted).size).toBe(acted.length);
    // Everyone acted except exactly those removed before their turn.
    const all = new Set([...acted, ...removedThisPhase]);
    expect(all.size).toBe(10);
    // The shuffle put at least one victim after its killer, so the skip path was exercised.
    expect(acted.length).toBeLessThan(10);
  });

  it("without an rng it acts in dense order; with one it reshuffles every tick", () => {
    const store = createAgentStore("a", { v: "i32" });
    for (let i = 0; i < 20; i++) store.stage();
    store.flush();
    const plain: number[] = [];
    agentPhase("p", store, (id) => plain.push(id)).run(0);
    expect(plain).toEqual(Array.from({ length: 20 }, (_, i) => i));

    const orders: number[][] = [];
    let current: number[] = [];
    const sim = createSimulation({
      stores: [store],
      phases: [agentPhase("p", store, (id) => current.push(id), createRngHub(9).stream("o"))],
      before: () => {
        current = [];
      },
      after: () => orders.push(current),
    });
    sim.run(3);
    for (const o of orders) expect([...o].sort((a, b) => a - b)).toEqual(plain);
    expect(orders[0]).not.toEqual(plain);
    expect(orders[1]).not.toEqual(orders[0]);
    expect(orders[2]).not.toEqual(orders[1]);
  });

  it("agents spawned during the phase do not act until the next tick", () => {
    const store = createAgentStore("a", { v: "i32" });
    store.stage();
    store.flush();
    const perTick: number[] = [];
    let n = 0;
    const sim = createSimulation({
      stores: [store],
      phases: [
        agentPhase("breed", store, () => {
          n++;
          store.stage();
        }),
      ],
      before: () => {
        n = 0;
      },
      after: () => perTick.push(n),
    });
    sim.run(4);
    expect(perTick).toEqual([1, 2, 4, 8]);
  });
});
