/**
 * Helpers for the service tests: a throwaway redis-server (bench/redis-server.ts: free port,
 * password, no persistence, temp folder) and the compiled `pamir` run as child processes that
 * the tests can watch line by line and kill.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export { type RedisServer, startRedisServer } from "../../bench/redis-server.js";

/** Repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAIN = fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));

/** A running `pamir` child process. */
export interface Pamir {
  child: ChildProcess;
  /** Output so far (stdout and stderr apart). */
  out: { stdout: string; stderr: string };
  /** Resolves with the exit code (or the signal's name) when it exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first match of `re` in stdout (waiting for it to appear). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** Start `pamir ...args` in the repository root. */
export function startPamir(...args: string[]): Pamir {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const out = { stdout: "", stderr: "" };
  const waiters: (() => void)[] = [];
  child.stdout!.on("data", (d) => {
    out.stdout += String(d);
    for (const w of waiters.splice(0)) w();
  });
  child.stderr!.on("data", (d) => {
    out.stderr += String(d);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      for (const w of waiters.splice(0)) w();
      resolve({ code, signal });
    }),
  );
  const waitFor = (re: RegExp, timeoutMs = 60_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const t = setTimeout(
        () =>
          reject(
            new Error(
              `no ${re} in pamir ${args.join(" ")} after ${timeoutMs} ms:\n${out.stdout}${out.stderr}`,
            ),
          ),
        timeoutMs,
      );
      const look = () => {
        const m = out.stdout.match(re);
        if (m) {
          clearTimeout(t);
          resolve(m);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(t);
          reject(new Error(`pamir ${args.join(" ")} exited without ${re}:\n${out.stdout}${out.stderr}`));
        } else waiters.push(look);
      };
      look();
    });
  return { child, out, exited, waitFor };
}

/** Run `pamir ...args` to the end. */
export async function runPamir(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = startPamir(...args);
  const { code } = await p.exited;
  return { code, ...p.out };
}

/** Kill `p` with `signal` if it still runs, and wait for it to exit. */
export async function stopPamir(p: Pamir, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  await p.exited;
}
