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
