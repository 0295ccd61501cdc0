/**
 * The git commit of the pamir checkout running a study, for the manifest. Read from the `.git`
 * files next to the package (HEAD, then the ref file or packed-refs), so no `git` process is
 * spawned and an installed copy without `.git` simply reports none.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding `.git`, searched upwards from this module (src/ or dist/src/). */
function gitDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const g = join(dir, ".git");
    if (existsSync(join(g, "HEAD"))) return g;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** The checked-out commit (40 hex digits), or null when it cannot be read. */
export function gitCommit(): string | null {
  try {
    const g = gitDir();
    if (!g) return null;
    const head = readFileSync(join(g, "HEAD"), "utf8").trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return null;
    const refFile = join(g, ref);
    if (existsSync(refFile)) return readFileSync(refFile, "utf8").trim();
    const packed = readFileSync(join(g, "packed-refs"), "utf8");
    const line = packed.split("\n").find((l) => l.endsWith(` ${ref}`));
    return line ? line.slice(0, 40) : null;
  } catch {
    return null;
  }
}
