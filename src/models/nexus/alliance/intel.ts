/**
 * What the drug agencies know of armed tax points: the share of recent days a band held each cell
 * to tax it, with an exponential memory. Route-control reads it to place its positions
 * (models/nexus/alliance/deploy.ts); the bands phase writes it once a day.
 */

/** Fold today's held tax cells (`today`) into `held`: every cell × exp(−1/memoryDays), held ones + (1 − that). */
export function rememberTaxPoints(held: Float64Array, today: ArrayLike<number>, memoryDays: number): void {
  const k = Math.exp(-1 / memoryDays);
  for (let c = 0; c < held.length; c++) held[c] = held[c]! * k;
  for (let i = 0; i < today.length; i++) held[today[i]!] = held[today[i]!]! + (1 - k);
}
