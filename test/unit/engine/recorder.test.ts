import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRecorder, EventTable, Series } from "../../../src/engine/recorder.js";

/** Fails with a short message at the first differing index (cheap, so shrinking stays fast). */
function sameArray(what: string, got: ArrayLike<number>, want: ArrayLike<number>): void {
  if (got.length !== want.length) expect.fail(`${what}: length ${got.length}, want ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    if (got[i] !== want[i]) expect.fail(`${what}[${i}] = ${got[i]}, want ${want[i]}`);
  }
}

describe("Series", () => {
  it("is empty at first, last() is NaN", () => {
    const s = new Series();
    expect(s.length).toBe(0);
    expect(s.values().length).toBe(0);
    expect(Number.isNaN(s.last())).toBe(true);
  });

  it("property: keeps every pushed value in order, far beyond its initial capacity", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 700, size: "max" }), (xs) => {
        const s = new Series();
        for (const x of xs) s.push(x);
        expect(s.length).toBe(xs.length);
        sameArray("values()", s.values(), xs);
        if (xs.length > 0) expect(s.last()).toBe(xs[xs.length - 1]);
      }),
      // Shrinking hundreds of doubles is slow; report the first failing case as found.
      { numRuns: 60, endOnFailure: true },
    );
  });

  it("grows across several doublings", () => {
    const s = new Series();
    for (let i = 0; i < 5000; i++) s.push(i * 0.5);
    expect(s.length).toBe(5000);
    const v = s.values();
    expect(v.length).toBe(5000);
    let bad = 0;
    for (let i = 0; i < 5000; i++) if (v[i] !== i * 0.5) bad++;
    expect(bad).toBe(0);
    expect(s.last()).toBe(2499.5);
  });
});

describe("EventTable", () => {
  it("registers kinds once, in first-use order", () => {
    const e = new EventTable();
    expect(e.kind("move")).toBe(0);
    expect(e.kind("eat")).toBe(1);
    expect(e.kind("move")).toBe(0);
    expect(e.kinds).toEqual(["move", "eat"]);
  });

  it("property: columns hold exactly the events added, beyond the initial capacity", () => {
    const event = fc.record({
      tick: fc.integer({ min: 0, max: 10_000 }),
      kind: fc.integer({ min: 0, max: 2 }),
      cell: fc.integer({ min: -1, max: 1_000_000 }),
      actor: fc.integer({ min: -1, max: 1_000_000 }),
      target: fc.integer({ min: -1, max: 1_000_000 }),
      value: fc.double({ noNaN: true, noDefaultInfinity: true }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 700, size: "max" }), (evs) => {
        const t = new EventTable();
        const codes = [t.kind("a"), t.kind("b"), t.kind("c")];
        for (const e of evs) t.add(e.tick, codes[e.kind]!, e.cell, e.actor, e.target, e.value);
        expect(t.length).toBe(evs.length);
        const j = t.toJSON();
        expect(j.kinds).toEqual(["a", "b", "c"]);
        sameArray(
          "tick",
          j.tick,
          evs.map((e) => e.tick),
        );
        sameArray(
          "kind",
          j.kind,
          evs.map((e) => e.kind),
        );
        sameArray(
          "cell",
          j.cell,
          evs.map((e) => e.cell),
        );
        sameArray(
          "actor",
          j.actor,
          evs.map((e) => e.actor),
        );
        sameArray(
          "target",
          j.target,
          evs.map((e) => e.target),
        );
        sameArray(
          "value",
          j.value,
          evs.map((e) => e.value),
        );
        for (let k = 0; k < 3; k++) expect(t.countOf(k)).toBe(evs.filter((e) => e.kind === k).length);
        // The JSON form survives a round trip unchanged.
        const back = JSON.parse(JSON.stringify(j)) as typeof j;
        expect(back.kinds).toEqual(j.kinds);
        for (const col of ["tick", "kind", "cell", "actor", "target", "value"] as const)
          sameArray(col, back[col], j[col]);
      }),
      // Shrinking hundreds of doubles is slow; report the first failing case as found.
      { numRuns: 60, endOnFailure: true },
    );
  });

  it("toJSON returns plain arrays that are snapshots, not views", () => {
    const t = new EventTable();
    const k = t.kind("x");
    t.add(1, k, 2, 3, -1, 0.25);
    const j = t.toJSON();
    expect(Array.isArray(j.tick)).toBe(true);
    expect(Array.isArray(j.value)).toBe(true);
    t.add(2, k, 5, 6, 7, 1.5);
    expect(j.tick).toEqual([1]);
    j.kinds.push("y");
    expect(t.kinds).toEqual(["x"]);
  });
});

describe("Recorder", () => {
  it("series() returns one Series per name; seriesJSON lists them in creation order", () => {
    const r = createRecorder();
    const b = r.series("b");
    const a = r.series("a");
    expect(r.series("b")).toBe(b);
    for (let i = 0; i < 100; i++) {
      b.push(i);
      if (i % 2 === 0) a.push(-i);
    }
    const j = r.seriesJSON();
    expect(Object.keys(j)).toEqual(["b", "a"]);
    expect(j.b).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(j.a).toEqual(Array.from({ length: 50 }, (_, i) => -2 * i));
  });

  it("everything round-trips through JSON.stringify / JSON.parse", () => {
    const r = createRecorder();
    const s = r.series("share");
    const kMove = r.events.kind("move");
    const kDie = r.events.kind("die");
    for (let t = 0; t < 300; t++) {
      s.push(t / 7);
      r.events.add(t, t % 3 === 0 ? kDie : kMove, t * 2, t, t % 5 === 0 ? -1 : t + 1, t / 3);
    }
    const doc = { series: r.seriesJSON(), events: r.events.toJSON() };
    const text = JSON.stringify(doc);
    const back = JSON.parse(text);
    expect(back).toEqual(doc);
    expect(back.series.share).toHaveLength(300);
    expect(back.series.share[299]).toBe(299 / 7);
    expect(back.events.kinds).toEqual(["move", "die"]);
    expect(back.events.kind.filter((k: number) => k === kDie)).toHaveLength(r.events.countOf(kDie));
    expect(r.events.countOf(kDie)).toBe(100);
    // Every column holds what was added, across the growth past 256 rows.
    const ts = Array.from({ length: 300 }, (_, t) => t);
    expect(back.events.tick).toEqual(ts);
    expect(back.events.kind).toEqual(ts.map((t) => (t % 3 === 0 ? kDie : kMove)));
    expect(back.events.cell).toEqual(ts.map((t) => t * 2));
    expect(back.events.actor).toEqual(ts);
    expect(back.events.target).toEqual(ts.map((t) => (t % 5 === 0 ? -1 : t + 1)));
    expect(back.events.value).toEqual(ts.map((t) => t / 3));
    expect(back.series.share).toEqual(ts.map((t) => t / 7));
    expect(JSON.stringify(back)).toBe(text);
  });
});
