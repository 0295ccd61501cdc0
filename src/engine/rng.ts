/**
 * Seeded random streams. A run owns one `RngHub`; every mechanism asks it for a stream by name.
 * Each stream is an xor4096 generator seeded from "<run seed>/<name>", so streams are independent
 * and adding a new stream never shifts the numbers another stream draws.
 */
import { sampleBinomial, samplePoisson } from "./distributions.js";
import { Xor4096 } from "./xor4096.js";

type Generator = () => number;

/**
 * One named stream of random numbers with the samplers models need. The samplers call the
 * generator's `draw` directly (a method call the compiler inlines); `next` is the same draw as a
 * function value, for code that takes a generator.
 */
export class RngStream extends Xor4096 {
  /** The stream's name within its hub. */
  readonly name: string;
  /** Raw uniform in [0, 1) with 32 bits of resolution. */
  readonly next: Generator = () => this.draw();
  private spare = Number.NaN;

  constructor(runSeed: string, name: string) {
    super(`${runSeed}/${name}`);
    this.name = name;
  }

  /** Uniform in [lo, hi). */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.draw();
  }

  /** Integer uniform in [0, n) for 1 ≤ n ≤ 2³². */
  below(n: number): number {
    return Math.floor(this.draw() * n);
  }

  /** Integer uniform in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.draw() * (hi - lo + 1));
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.draw() < p;
  }

  /** Normal(mean, sd) by the Marsaglia polar method (keeps the second draw for the next call). */
  normal(mean = 0, sd = 1): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = Number.NaN;
      return mean + sd * z;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      x = 2 * this.draw() - 1;
      y = 2 * this.draw() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = y * f;
    return mean + sd * x * f;
  }

  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number {
    return -Math.log(1 - this.draw()) / rate;
  }

  /** Poisson(lambda) count. */
  poisson(lambda: number): number {
    return samplePoisson(this.next, lambda);
  }

  /** Binomial(n, p) count. */
  binomial(n: number, p: number): number {
    return sampleBinomial(this.next, n, p);
  }

  /**
   * Index drawn with probability proportional to weights[i] among the first n entries
   * (default all); returns -1 when every weight is zero. Weights must be ≥ 0.
   */
  weighted(weights: ArrayLike<number>, n = weights.length): number {
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    if (!(total > 0)) return -1;
    let r = this.draw() * total;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (w <= 0) continue;
      last = i;
      if (r < w) return i;
      r -= w;
    }
    return last; // floating-point leftovers land on the last positive weight
  }

  /** Fisher–Yates shuffle of the first n entries of arr, in place; returns arr. */
  shuffle<T extends { [i: number]: number | string | boolean | object; length: number }>(
    arr: T,
    n = arr.length,
  ): T {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.draw() * (i + 1));
      const t = arr[i]!;
      arr[i] = arr[j]!;
      arr[j] = t;
    }
    return arr;
  }
}

/** The single owner of randomness in a run: hands out named streams derived from the run seed. */
export class RngHub {
  /** The run seed every stream derives from. */
  readonly seed: string;
  private readonly streams = new Map<string, RngStream>();

  constructor(seed: number | string) {
    this.seed = String(seed);
  }

  /** The stream with this name, created on first use. */
  stream(name: string): RngStream {
    let s = this.streams.get(name);
    if (!s) {
      s = new RngStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }

  /** Names of the streams handed out so far, in creation order. */
  names(): string[] {
    return [...this.streams.keys()];
  }
}

/** Create the RNG owner of one run. */
export function createRngHub(seed: number | string): RngHub {
  return new RngHub(seed);
}
