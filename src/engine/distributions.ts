/**
 * Exact samplers for discrete distributions, written against a bare uniform source so that the
 * stream class stays small. Algorithms are Hörmann's transformed-rejection samplers (PTRS for
 * Poisson, BTRS for binomial, 1993), the same ones numpy uses, because they cost O(1) per draw for
 * large means where inversion would cost O(mean).
 */

/** A source of uniform doubles in [0, 1). */
export type UniformSource = () => number;

const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error < 1e-13). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Poisson(lambda) draw; lambda ≥ 0. */
export function samplePoisson(u: UniformSource, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    // Knuth: multiply uniforms until the product drops below e^-λ; O(λ), fine for small λ.
    const limit = Math.exp(-lambda);
    let k = 0;
    let prod = u();
    while (prod > limit) {
      k++;
      prod *= u();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = u() - 0.5;
    const V = u();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (
      Math.log(V) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - logGamma(k + 1)
    ) {
      return k;
    }
  }
}

/** Binomial(n, p) draw; n a non-negative integer, p in [0, 1]. */
export function sampleBinomial(u: UniformSource, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(u, n, 1 - p);
  if (n * p < 10) return binomialInversion(u, n, p);
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logGamma(m + 1) + logGamma(n - m + 1);
  for (;;) {
    const U = u() - 0.5;
    let V = u();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && V <= vr) return k;
    V = Math.log((V * alpha) / (a / (us * us) + b));
    if (V <= h - logGamma(k + 1) - logGamma(n - k + 1) + (k - m) * lpq) return k;
  }
}

/** Sequential inversion of the binomial CDF; O(np) expected work, used when np < 10. */
function binomialInversion(u: UniformSource, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  for (;;) {
    let r = q ** n;
    let x = u();
    let k = 0;
    while (x > r) {
      x -= r;
      k++;
      if (k > n) break;
      r *= a / k - s;
    }
    // Rounding can leave x above the total mass; redraw rather than bias the tail.
    if (k <= n) return k;
  }
}
