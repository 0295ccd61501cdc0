/** Running batches: failures become records (never exceptions), results depend only on the task. */
import { describe, expect, it } from "vitest";
import type { ModelDefinition } from "../../../../src/core/model.js";
import { type SchellingParams, schellingModel } from "../../../../src/models/classic/schelling.js";
import { type BatchContext, loadFromText, type RunTask, runBatch } from "../../../../src/study/run/batch.js";

const SCENARIO = "model: schelling\nticks: 4\nparams: { width: 10, height: 10, agents: 30 }\n";

function context(hash: string, paths: string[] = ["params.agents"], keep?: string[]): BatchContext {
  return { hash, scenarios: [{ key: "s", file: "s.yaml", text: SCENARIO }], paths, keep };
}

const task = (index: number, point: number, agents: number, seed = 5): RunTask => ({
  index,
  id: `s/p${point}/r${index}`,
  scenario: 0,
  point,
  seed,
  values: [agents],
});

describe("runBatch", () => {
  it("returns one record per task, in task order, with the kept outcomes only", () => {
    const r = runBatch(context("a", ["params.agents"], ["happy_*", "ticks"]), [
      task(3, 0, 30),
      task(1, 1, 40),
    ]);
    expect(r.records.map((x) => x.index)).toEqual([3, 1]);
    expect(r.records.every((x) => x.status === "ok" && x.ticks === 4)).toBe(true);
    expect(Object.keys(r.records[0]!.outcomes)).toEqual(["ticks", "happy_share"]);
  });

  it("gives the same outcomes for the same task whatever ran before it on the thread", () => {
    const alone = runBatch(context("b"), [task(0, 0, 30, 9)]).records[0]!;
    const after = runBatch(context("b"), [task(1, 1, 50, 2), task(2, 2, 20, 3), task(0, 0, 30, 9)])
      .records[2]!;
    expect(after.outcomes).toEqual(alone.outcomes);
    const other = runBatch(context("b"), [task(0, 0, 30, 10)]).records[0]!;
    expect(other.outcomes).not.toEqual(alone.outcomes);
  });

  // A forged job from the queue may carry other values under a point index: the cache must not hand them on.
  it("gives the same outcomes for a task after another task of the same point index with other values", () => {
    const alone = runBatch(context("c"), [task(0, 0, 30, 9)]).records[0]!;
    const after = runBatch(context("c"), [task(0, 0, 60, 9), task(0, 0, 30, 9)]).records;
    expect(after[1]!.outcomes).toEqual(alone.outcomes);
    expect(after[0]!.outcomes).not.toEqual(alone.outcomes);
  });

  it("records a point the model's check rejects as failed, with the check's words", () => {
    const r = runBatch(context("c"), [task(0, 0, 500)]).records[0]!;
    expect(r).toMatchObject({ status: "failed", ticks: 0, outcomes: {} });
    expect(r.problems).toEqual([
      { kind: "check", path: "params.agents", message: "must be ≤ 100, the free cells of the grid" },
    ]);
  });

  it("records a model that throws in setup or during a tick as failed and goes on with the batch", () => {
    // A stand-in model: Schelling that throws in setup for 13 agents and in its 2nd tick for 17.
    const throwing: ModelDefinition<SchellingParams> = {
      ...schellingModel,
      setup(p, o) {
        if (p.agents === 13) throw new RangeError("thirteen is unlucky");
        const run = schellingModel.setup(p, o);
        if (p.agents !== 17) return run;
        const sim = run.simulation;
        let steps = 0;
        const step = () => {
          if (++steps === 2) throw new TypeError("tick 2 broke");
          sim.step();
        };
        return {
          simulation: {
            get tick() {
              return sim.tick;
            },
            get stopped() {
              return sim.stopped;
            },
            step,
            run(n: number) {
              for (let i = 0; i < n; i++) step();
              return n;
            },
          },
          result: run.result,
        };
      },
    };
    const load = (ctx: BatchContext, i: number) => {
      const sc = loadFromText(ctx, i);
      return "problems" in sc ? sc : { ...sc, model: throwing as ModelDefinition<unknown> };
    };
    const r = runBatch(context("d"), [task(0, 0, 13), task(1, 1, 17), task(2, 2, 20)], load).records;
    expect(r.map((x) => x.status)).toEqual(["failed", "failed", "ok"]);
    expect(r[0]!.problems).toEqual([
      { kind: "run", path: "(setup)", message: "thirteen is unlucky", data: { name: "RangeError" } },
    ]);
    expect(r[1]!.problems).toEqual([
      { kind: "run", path: "(run)", message: "tick 2 broke", data: { name: "TypeError" } },
    ]);
  });
});
