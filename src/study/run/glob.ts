/**
 * `keep:` globs (`*` any run of characters, `?` one) matched without backtracking. A glob is
 * read as a small automaton whose states are positions in the pattern; a name is read once,
 * carrying the set of states it can be in, so matching takes at most |glob| × |name| steps for
 * any pattern. (Compiled to a RegExp, a glob like `*?*?*?…!` backtracked for seconds per name.)
 */

/** Whether `name` matches `glob` as a whole (`*` any run of characters, `?` exactly one). */
export function globMatches(glob: string, name: string): boolean {
  const m = glob.length;
  let now = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  now[0] = 1;
  close(glob, now);
  for (let k = 0; k < name.length; k++) {
    next.fill(0);
    let any = false;
    for (let i = 0; i < m; i++) {
      if (now[i] === 0) continue;
      const p = glob[i];
      // A star swallows the character and stays; `?` or the same character moves one on.
      if (p === "*") next[i] = 1;
      else if (p === "?" || p === name[k]) next[i + 1] = 1;
      else continue;
      any = true;
    }
    if (!any) return false;
    close(glob, next);
    [now, next] = [next, now];
  }
  return now[m] === 1;
}

/** Add the states reached by letting stars match nothing. */
function close(glob: string, states: Uint8Array): void {
  for (let i = 0; i < glob.length; i++) if (states[i] === 1 && glob[i] === "*") states[i + 1] = 1;
}

/** A matcher for names against any of `globs`; undefined keeps everything. Answers are remembered per name. */
export function globMatcher(globs: readonly string[] | undefined): (name: string) => boolean {
  if (!globs) return () => true;
  const known = new Map<string, boolean>();
  return (name) => {
    let yes = known.get(name);
    if (yes === undefined) {
      yes = globs.some((g) => globMatches(g, name));
      // Outcome and series names are few and repeat every run; a flood of other names is not kept.
      if (known.size < 10_000) known.set(name, yes);
    }
    return yes;
  };
}

/**
 * Whether some name matches both `a` and `b` (two globs): a walk over pairs of positions, where a
 * star may match nothing (move on in its glob) or one more character (stay), and two non-stars
 * consume one character together when it can be the same (`?` or equal characters).
 */
export function globsOverlap(a: string, b: string): boolean {
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number) => {
    const k = i * width + j;
    if (seen[k] === 0) {
      seen[k] = 1;
      stack.push(k);
    }
  };
  while (stack.length > 0) {
    const k = stack.pop()!;
    const i = Math.floor(k / width);
    const j = k % width;
    if (i === a.length && j === b.length) return true;
    const p = a[i];
    const q = b[j];
    if (p === "*") push(i + 1, j);
    if (q === "*") push(i, j + 1);
    if (p === undefined || q === undefined) continue;
    if (p === "*" || q === "*" || p === "?" || q === "?" || p === q)
      push(p === "*" ? i : i + 1, q === "*" ? j : j + 1);
  }
  return false;
}
