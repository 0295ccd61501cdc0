/** "Did you mean …?" for misspelt keys and names: the closest allowed word by edit distance. */

/**
 * Levenshtein edit distance (insertions, deletions, substitutions), with a swap of two adjacent
 * characters also counting as one edit ("scna" → "scan"), since swaps are the commonest typo.
 */
export function editDistance(a: string, b: string): number {
  // d[i][j] = distance between the first i characters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => i + j),
  );
  for (let i = 1; i <= a.length; i++) {
    const row = d[i]!;
    const up = d[i - 1]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The allowed word closest to `word`, if close enough to be a plausible typo: at most 2 edits,
 * and for short words at most a third of the length (so "x" is not "corrected" to "y"), and
 * never a rewrite of the whole word. Ties go to the earlier candidate, which keeps output stable.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (c === word) continue;
    // Case-only differences are the most likely typo of all, so they rank first.
    const d = c.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word, c);
    const limit = Math.min(2, Math.max(1, Math.floor(Math.max(word.length, c.length) / 3)));
    if (d <= limit && d < word.length && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` when a close candidate exists, else the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : ` (did you mean "${c}"?)`;
}

/**
 * Up to `k` candidates nearest to `word`, nearest first: those within the typo distance
 * `closest` allows (at most 2 edits, a third of the length) and those that contain the word
 * or that the word contains ("delivered" → "delivered_kg"), ranked by edit distance, ties in
 * candidate order.
 */
export function nearest(word: string, candidates: readonly string[], k = 3): string[] {
  const lower = word.toLowerCase();
  const scored: { c: string; d: number; i: number }[] = [];
  candidates.forEach((c, i) => {
    if (c === word) return;
    const d = editDistance(word, c);
    const limit = Math.min(2, Math.max(1, Math.floor(Math.max(word.length, c.length) / 3)));
    const cl = c.toLowerCase();
    const contains = lower.length >= 3 && (cl.includes(lower) || lower.includes(cl));
    if ((d <= limit && d < word.length) || contains) scored.push({ c, d, i });
  });
  scored.sort((a, b) => a.d - b.d || a.i - b.i);
  return scored.slice(0, k).map((s) => s.c);
}

/** ` (did you mean "a", "b" or "c"?)` for the nearest candidates, else the empty string. */
export function didYouMeanAny(word: string, candidates: readonly string[], k = 3): string {
  const near = nearest(word, candidates, k).map((c) => `"${c}"`);
  if (near.length === 0) return "";
  const list = near.length === 1 ? near[0]! : `${near.slice(0, -1).join(", ")} or ${near.at(-1)}`;
  return ` (did you mean ${list}?)`;
}
