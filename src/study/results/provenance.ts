/**
 * What a result was made from, beyond the code's commit: the input files as they were (study,
 * scenarios, map files), each with its SHA-256, the command line, and whether the checkout had
 * uncommitted changes. A study's results folder keeps a copy of each input under
 * `inputs/<first 16 hex digits of its SHA-256>-<file name>`, so an edited file never overwrites
 * the copy a finished study was made from; `pamir run --json` records the hashes only.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { LoadedScenario } from "../../scenario/load.js";
import { gitCommit, gitDirty } from "./git.js";

/** The role an input file plays. */
export type InputRole = "study" | "scenario" | "map";

/** One input file: its role, its path as given, its SHA-256 and, in a results folder, its copy. */
export interface InputRecord {
  role: InputRole;
  file: string;
  sha256: string;
  /** The copy's path relative to the results folder. */
  copy?: string;
}

/** Provenance of a run or study: code, tree state, command and inputs. */
export interface Provenance {
  git: string | null;
  dirty: boolean | null;
  /** The command line (arguments after `pamir`), or null when not given. */
  command: string[] | null;
  inputs: InputRecord[];
}

/** Hex SHA-256 of a file's bytes. */
export function fileSha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** The input files of a scenario: its file and the map file it names, if any. */
export function scenarioInputs(
  sc: Pick<LoadedScenario, "file" | "mapFile">,
): { role: InputRole; file: string }[] {
  return [
    { role: "scenario", file: sc.file },
    ...(sc.mapFile ? [{ role: "map" as const, file: sc.mapFile }] : []),
  ];
}

/** Each distinct file once, first role wins, with its hash. */
function hashed(files: readonly { role: InputRole; file: string }[]): InputRecord[] {
  const seen = new Set<string>();
  const out: InputRecord[] = [];
  for (const f of files) {
    if (seen.has(f.file) || !existsSync(f.file)) continue;
    seen.add(f.file);
    out.push({ ...f, sha256: fileSha256(f.file) });
  }
  return out;
}

/** Provenance of inputs `files` run by `command`. */
export function provenance(
  files: readonly { role: InputRole; file: string }[],
  command: string[] | null,
): Provenance {
  return { git: gitCommit(), dirty: gitDirty(), command, inputs: hashed(files) };
}

/** Copy each input into `<dir>/inputs/`, hashing the bytes copied (a copy already there under its hash name is kept). */
export function copyInputs(dir: string, files: readonly { role: InputRole; file: string }[]): InputRecord[] {
  mkdirSync(join(dir, "inputs"), { recursive: true });
  return hashed(files).map((i) => {
    const bytes = readFileSync(i.file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const copy = `inputs/${sha256.slice(0, 16)}-${basename(i.file)}`;
    const target = join(dir, copy);
    if (!existsSync(target)) {
      writeFileSync(`${target}.tmp`, bytes);
      renameSync(`${target}.tmp`, target);
    }
    return { ...i, sha256, copy };
  });
}
