/**
 * The git commit of the pamir checkout running a study, for the manifest. Read from the `.git`
 * files next to the package (HEAD, then the ref file or packed-refs), so no `git` process is
 * spawned and an installed copy without `.git` simply reports none. Whether the tree is dirty
 * is git's own answer.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The git folder of the checkout: `.git` itself, or for a linked worktree (whose `.git` is a
 * file saying `gitdir: <path>`) that folder, with the folder holding the shared refs.
 */
function gitDir(): { head: string; common: string } | undefined {
  const dir = checkoutDir();
  if (!dir) return undefined;
  const g = join(dir, ".git");
  if (existsSync(join(g, "HEAD"))) return { head: g, common: g };
  const linked = /^gitdir: (.+)$/m.exec(readFileSync(g, "utf8"))?.[1]?.trim();
  if (!linked) return undefined;
  const head = resolve(dir, linked);
  const commondir = join(head, "commondir");
  const common = existsSync(commondir) ? resolve(head, readFileSync(commondir, "utf8").trim()) : head;
  return { head, common };
}

/** The checked-out commit (40 hex digits), or null when it cannot be read. */
export function gitCommit(): string | null {
  try {
    const g = gitDir();
    if (!g) return null;
    const head = readFileSync(join(g.head, "HEAD"), "utf8").trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return null;
    const refFile = join(g.common, ref);
    if (existsSync(refFile)) return readFileSync(refFile, "utf8").trim();
    const packed = readFileSync(join(g.common, "packed-refs"), "utf8");
    const line = packed.split("\n").find((l) => l.endsWith(` ${ref}`));
    return line ? line.slice(0, 40) : null;
  } catch {
    return null;
  }
}

/** The folder of the pamir checkout running (the one holding `.git`, a folder or a worktree's file). */
function checkoutDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, ".git"))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/**
 * Whether the checkout has changes to tracked files that no commit holds (so the commit alone
 * does not say what code ran), or null when it cannot be told (no checkout, no `git`). This one
 * asks `git status`: comparing the index by hand is not worth its bugs.
 */
export function gitDirty(): boolean | null {
  const dir = checkoutDir();
  if (!dir) return null;
  const r = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], {
    cwd: dir,
    encoding: "utf8",
    timeout: 10_000,
  });
  return r.status === 0 ? r.stdout.trim() !== "" : null;
}
