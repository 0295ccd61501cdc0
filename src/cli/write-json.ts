/** A command's JSON result file, written through a temporary and a rename; a failure is a CLI error (exit 1). */
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CliError, EXIT } from "./errors.js";

/** Write `value` as pretty JSON to `<dir>/<name>` atomically; returns the path. */
export async function writeJsonResult(dir: string, name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  try {
    await writeFile(`${path}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
  } catch (err) {
    throw new CliError(`cannot write ${path}: ${(err as Error).message}`, EXIT.runFailed);
  }
  return path;
}
