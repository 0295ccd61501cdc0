/** Drive the compiled `pamir` CLI as a child process (the suite's pretest builds dist/). */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAIN = fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));

/** What a CLI invocation gave. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `pamir ...args` in the repo root and collect its output. */
export function pamir(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
