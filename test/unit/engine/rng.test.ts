import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRngHub, RngHub, type RngStream } from "../../../src/engine/rng.js";

const draws = (s: RngStream, n: number): number[] => Array.from({ length: n }, () => s.next());

/** Sample mean and (unbiased) variance. */
function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  const mean = sum / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i]! - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/**
 * Pearson chi-square of observed counts against expected probabilities, with the rejection line at
 * df + 5·sqrt(2·df) (five standard deviations of the chi-square distribution above its mean).
 */
function chiSquare(observed: ArrayLike<number>, probs: ArrayLike<number>, total: number) {
  let stat = 0;
  let df = -1;
  for (let i = 0; i < probs.length; i++) {
    const e = probs[i]! * total;
    if (e === 0) continue;
    stat += (observed[i]! - e) ** 2 / e;
    df++;
  }
  return { stat, limit: df + 5 * Math.sqrt(2 * df) };
}

describe("RngHub / RngStream determinism", () => {
  it("same seed and name give the same sequence", () => {
    for (const seed of [0, 1, 42, "abc"]) {
      const a = new RngHub(seed).stream("move");
      const b = createRngHub(seed).stream("move");
      expect(draws(a, 200)).toEqual(draws(b, 200));
    }
  });

  it("a number seed and its string form give the same streams", () => {
    expect(draws(createRngHub(7).stream("x"), 50)).toEqual(draws(createRngHub("7").stream("x"), 50));
  });

  it("different names or seeds give different sequences", () => {
    const ref = draws(createRngHub(1).stream("a"), 20);
    expect(draws(createRngHub(1).stream("b"), 20)).not.toEqual(ref);
    expect(draws(createRngHub(2).stream("a"), 20)).not.toEqual(ref);
    // No accidental sharing between streams of one hub either.
    const hub = createRngHub(1);
    const x = draws(hub.stream("a"), 20);
    const y = draws(hub.stream("b"), 20);
    expect(x).toEqual(ref);
    expect(y).not.toEqual(x);
  });

  it("stream(name) returns the same stream object and names() lists creation order", () => {
    const hub = createRngHub(3);
    const s = hub.stream("one");
    hub.stream("two");
    expect(hub.stream("one")).toBe(s);
    expect(hub.names()).toEqual(["one", "two"]);
    expect(s.name).toBe("one");
    expect(hub.seed).toBe("3");
  });

  it("next() is in [0, 1)", () => {
    const s = createRngHub(9).stream("u");
    let bad = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = s.next();
      if (!(u >= 0 && u < 1)) bad++;
    }
    expect(bad).toBe(0);
  });

  it("property: extra streams created in any order and drawn interleaved leave a stream's draws unchanged", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 6, size: "max" }),
        fc.array(fc.record({ who: fc.nat(), k: fc.integer({ min: 1, max: 5 }) }), {
          maxLength: 40,
          size: "max",
        }),
        (seed, extraRaw, ops) => {
          const target = "target";
          const names = [target, ...extraRaw.filter((n) => n !== target)];
          const ref = draws(createRngHub(seed).stream(target), 250);
          // Streams are created lazily, in whatever order the ops first touch them.
          const hub = createRngHub(seed);
          const got: number[] = [];
          for (const op of ops) {
            const name = names[op.who % names.length]!;
            const s = hub.stream(name);
            for (let i = 0; i < op.k; i++) {
              const u = s.next();
              if (name === target) got.push(u);
            }
          }
          got.push(hub.stream(target).next());
          expect(got).toEqual(ref.slice(0, got.length));
        },
      ),
    );
  });

  it("drawing from other streams through every sampler does not disturb a stream", () => {
    const ref = draws(createRngHub(77).stream("t"), 100);
    const hub = createRngHub(77);
    const t = hub.stream("t");
    const got: number[] = [];
    for (let i = 0; i < 100; i++) {
      const o = hub.stream(`other${i % 3}`);
      o.normal();
      o.poisson(40);
      o.binomial(100, 0.3);
      o.shuffle([1, 2, 3, 4]);
      got.push(t.next());
    }
    expect(got).toEqual(ref);
  });
});

describe("RngStream.shuffle", () => {
  const sorted = (xs: ArrayLike<number>): number[] => Array.from(xs).sort((a, b) => a - b);

  it("property: a plain array is permuted", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 60, size: "max" }), fc.nat(), (xs, seed) => {
        const copy = [...xs];
        const out = createRngHub(seed).stream("s").shuffle(copy);
        expect(out).toBe(copy);
        expect(sorted(out)).toEqual(sorted(xs));
      }),
    );
  });

  it("property: typed arrays are permuted in place", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 60, size: "max" }),
        fc.nat(),
        (xs, seed) => {
          const s = createRngHub(seed).stream("s");
          const i32 = Int32Array.from(xs);
          expect(s.shuffle(i32)).toBe(i32);
          expect(sorted(i32)).toEqual(sorted(xs));
          const f64 = Float64Array.from(xs, (x) => x / 8);
          s.shuffle(f64);
          expect(sorted(f64)).toEqual(sorted(xs.map((x) => x / 8)));
        },
      ),
    );
  });

  it("property: a partial shuffle of n permutes only the first n entries", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 60, size: "max" }),
        fc.nat(),
        fc.nat(),
        (xs, nRaw, seed) => {
          const n = nRaw % (xs.length + 1);
          const arr = Int32Array.from(xs);
          const plain = [...xs];
          const s = createRngHub(seed).stream("s");
          s.shuffle(arr, n);
          s.shuffle(plain, n);
          expect(Array.from(arr.subarray(n))).toEqual(Array.from(Int32Array.from(xs).subarray(n)));
          expect(sorted(arr.subarray(0, n))).toEqual(sorted(Int32Array.from(xs).subarray(0, n)));
          expect(plain.slice(n)).toEqual(xs.slice(n));
          expect(sorted(plain.slice(0, n))).toEqual(sorted(xs.slice(0, n)));
        },
      ),
    );
  });

  it("moves things: a 50-element shuffle is not the identity", () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    const out = createRngHub(5)
      .stream("s")
      .shuffle([...xs]);
    expect(out).not.toEqual(xs);
  });

  it("all 6 orders of 3 elements are equally likely (chi-square)", () => {
    const s = createRngHub(11).stream("perm");
    const N = 60_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const key = s.shuffle([0, 1, 2]).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const { stat, limit } = chiSquare([...counts.values()], new Array(6).fill(1 / 6), N);
    expect(stat).toBeLessThan(limit);
  });
});

describe("RngStream integer samplers", () => {
  it("property: int(lo, hi) stays in [lo, hi], is an integer, and hits both ends", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 6 }),
        fc.nat(),
        (lo, span, seed) => {
          const hi = lo + span;
          const s = createRngHub(seed).stream("int");
          let sawLo = false;
          let sawHi = false;
          const bad: number[] = [];
          // P(missing an end) ≤ (6/7)^400 ≈ 1e-27.
          for (let i = 0; i < 400; i++) {
            const v = s.int(lo, hi);
            if (!Number.isInteger(v) || v < lo || v > hi) bad.push(v);
            if (v === lo) sawLo = true;
            if (v === hi) sawHi = true;
          }
          expect(bad).toEqual([]);
          expect(sawLo && sawHi).toBe(true);
        },
      ),
    );
  });

  it("property: below(n) is an integer in [0, n)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 }), fc.nat(), (n, seed) => {
        const s = createRngHub(seed).stream("below");
        const bad: number[] = [];
        for (let i = 0; i < 50; i++) {
          const v = s.below(n);
          if (!Number.isInteger(v) || v < 0 || v >= n) bad.push(v);
        }
        expect(bad).toEqual([]);
      }),
    );
  });

  it("below(n) is uniform (chi-square, n = 10)", () => {
    const s = createRngHub(12).stream("below");
    const N = 50_000;
    const counts = new Array(10).fill(0);
    for (let i = 0; i < N; i++) counts[s.below(10)]++;
    const { stat, limit } = chiSquare(counts, new Array(10).fill(0.1), N);
    expect(stat).toBeLessThan(limit);
  });

  it("uniform(lo, hi) is in [lo, hi) with mean (lo+hi)/2", () => {
    const s = createRngHub(13).stream("uni");
    const N = 20_000;
    const xs = new Float64Array(N);
    let bad = 0;
    for (let i = 0; i < N; i++) {
      xs[i] = s.uniform(-2, 6);
      if (!(xs[i]! >= -2 && xs[i]! < 6)) bad++;
    }
    expect(bad).toBe(0);
    const { mean } = moments(xs);
    const sd = 8 / Math.sqrt(12);
    expect(Math.abs(mean - 2)).toBeLessThan((5 * sd) / Math.sqrt(N));
  });

  it("bernoulli(p) frequency matches p", () => {
    const s = createRngHub(14).stream("b");
    const N = 20_000;
    for (const p of [0, 0.1, 0.5, 0.93, 1]) {
      let k = 0;
      for (let i = 0; i < N; i++) if (s.bernoulli(p)) k++;
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs(k / N - p)).toBeLessThanOrEqual(5 * se);
    }
  });
});

describe("RngStream.weighted", () => {
  it("property: never returns a zero-weight index; -1 exactly when every weight is zero", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant(0),
            fc.integer({ min: 1, max: 100 }).map((x) => x / 7),
          ),
          { maxLength: 12, size: "max" },
        ),
        fc.nat(),
        (ws, seed) => {
          const s = createRngHub(seed).stream("w");
          const anyPositive = ws.some((w) => w > 0);
          for (let i = 0; i < 30; i++) {
            const k = s.weighted(ws);
            if (!anyPositive) expect(k).toBe(-1);
            else if (!(k >= 0 && k < ws.length && ws[k]! > 0)) expect.fail(`index ${k} of ${ws}`);
          }
        },
      ),
    );
  });

  it("property: only the first n weights are considered", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 10, size: "max" }),
        fc.nat(),
        fc.nat(),
        (ws, nRaw, seed) => {
          const n = nRaw % (ws.length + 1);
          const s = createRngHub(seed).stream("w");
          const anyPositive = ws.slice(0, n).some((w) => w > 0);
          const w = Float64Array.from(ws);
          for (let i = 0; i < 20; i++) {
            const k = s.weighted(w, n);
            if (!anyPositive) expect(k).toBe(-1);
            else if (!(k >= 0 && k < n && ws[k]! > 0)) expect.fail(`index ${k} of ${ws} (n = ${n})`);
          }
        },
      ),
    );
  });

  it("returns -1 for all-zero and empty weights", () => {
    const s = createRngHub(1).stream("w");
    expect(s.weighted([0, 0, 0])).toBe(-1);
    expect(s.weighted([])).toBe(-1);
    expect(s.weighted(new Float64Array(4))).toBe(-1);
  });

  it("frequencies are proportional to the weights (chi-square)", () => {
    const ws = [0, 1, 3, 0, 0.5, 5.5];
    const total = ws.reduce((a, b) => a + b, 0);
    const s = createRngHub(21).stream("w");
    const N = 40_000;
    const counts = new Array(ws.length).fill(0);
    for (let i = 0; i < N; i++) counts[s.weighted(ws)]++;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    const { stat, limit } = chiSquare(
      counts,
      ws.map((w) => w / total),
      N,
    );
    expect(stat).toBeLessThan(limit);
  });
});

describe("RngStream continuous and count distributions", () => {
  const N = 20_000;

  it("normal(mean, sd) has the requested mean and sd within 5 standard errors", () => {
    const s = createRngHub(31).stream("n");
    for (const [mu, sigma] of [
      [0, 1],
      [10, 3],
      [-4, 0.25],
    ] as const) {
      const xs = new Float64Array(N);
      for (let i = 0; i < N; i++) xs[i] = s.normal(mu, sigma);
      const { mean, variance } = moments(xs);
      expect(Math.abs(mean - mu)).toBeLessThan((5 * sigma) / Math.sqrt(N));
      // SE of the sample sd of a normal ≈ σ / sqrt(2N).
      expect(Math.abs(Math.sqrt(variance) - sigma)).toBeLessThan((5 * sigma) / Math.sqrt(2 * N));
    }
  });

  it("normal() defaults to the standard normal and pairs are uncorrelated", () => {
    const s = createRngHub(32).stream("n");
    let sxy = 0;
    let within1 = 0;
    for (let i = 0; i < N; i++) {
      const x = s.normal();
      const y = s.normal();
      sxy += x * y;
      if (Math.abs(x) < 1) within1++;
    }
    // E[xy] = 0, Var(xy) = 1 for independent standard normals.
    expect(Math.abs(sxy / N)).toBeLessThan(5 / Math.sqrt(N));
    const p = 0.6826894921370859;
    expect(Math.abs(within1 / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
  });

  it("exponential(rate) has mean 1/rate and is non-negative", () => {
    const s = createRngHub(33).stream("e");
    const rate = 2.5;
    const xs = new Float64Array(N);
    let bad = 0;
    for (let i = 0; i < N; i++) {
      xs[i] = s.exponential(rate);
      if (!(xs[i]! >= 0)) bad++;
    }
    expect(bad).toBe(0);
    const { mean } = moments(xs);
    expect(Math.abs(mean - 1 / rate)).toBeLessThan(5 / rate / Math.sqrt(N));
  });

  for (const lambda of [0.5, 4, 30, 500]) {
    it(`poisson(${lambda}) gives non-negative integers with mean and variance λ`, () => {
      const s = createRngHub(40 + lambda).stream("p");
      const xs = new Float64Array(N);
      let bad = 0;
      for (let i = 0; i < N; i++) {
        const k = s.poisson(lambda);
        if (!(Number.isInteger(k) && k >= 0)) bad++;
        xs[i] = k;
      }
      expect(bad).toBe(0);
      const { mean, variance } = moments(xs);
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / N));
      // Var(s²) ≈ (μ4 − σ⁴)/N with μ4 = λ(1 + 3λ) for a Poisson.
      const seVar = Math.sqrt((lambda + 2 * lambda * lambda) / N);
      expect(Math.abs(variance - lambda)).toBeLessThan(5 * seVar);
    });
  }

  it("poisson(0) is 0", () => {
    const s = createRngHub(1).stream("p");
    for (let i = 0; i < 100; i++) expect(s.poisson(0)).toBe(0);
  });

  for (const [n, p] of [
    [10, 0.3],
    [1000, 0.02],
    [1000, 0.4],
    [50, 0.9],
  ] as const) {
    it(`binomial(${n}, ${p}) gives integers in [0, n] with mean np and variance np(1-p)`, () => {
      const s = createRngHub(`${n}-${p}`).stream("b");
      const xs = new Float64Array(N);
      let bad = 0;
      for (let i = 0; i < N; i++) {
        const k = s.binomial(n, p);
        if (!(Number.isInteger(k) && k >= 0 && k <= n)) bad++;
        xs[i] = k;
      }
      expect(bad).toBe(0);
      const { mean, variance } = moments(xs);
      const q = 1 - p;
      const v = n * p * q;
      expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(v / N));
      // Central fourth moment of a binomial: npq(1 + 3pq(n − 2)).
      const mu4 = v * (1 + 3 * p * q * (n - 2));
      expect(Math.abs(variance - v)).toBeLessThan(5 * Math.sqrt((mu4 - v * v) / N));
    });
  }

  it("binomial edge cases: p = 0, p = 1, n = 0", () => {
    const s = createRngHub(1).stream("b");
    for (let i = 0; i < 50; i++) {
      expect(s.binomial(20, 0)).toBe(0);
      expect(s.binomial(20, 1)).toBe(20);
      expect(s.binomial(0, 0.5)).toBe(0);
    }
  });
});
