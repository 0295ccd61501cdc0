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

/** The input files of a scenario: its file (with the text that was loaded, when known) and the map file it names. */
export function scenarioInputs(sc: Pick<LoadedScenario, "file" | "mapFile">, text?: string): InputFile[] {
  return [
    { role: "scenario", file: sc.file, text },
    ...(sc.mapFile ? [{ role: "map" as const, file: sc.mapFile }] : []),
  ];
}

/** An input file to record: its role, path and, when it was read already, the text that was used. */
export interface InputFile {
  role: InputRole;
  file: string;
  text?: string | undefined;
}

/** Each distinct readable file once (first role wins) with the bytes that were used. */
function contents(files: readonly InputFile[]): { role: InputRole; file: string; bytes: Buffer }[] {
  const seen = new Set<string>();
  const out: { role: InputRole; file: string; bytes: Buffer }[] = [];
  for (const f of files) {
    if (seen.has(f.file) || (f.text === undefined && !existsSync(f.file))) continue;
    seen.add(f.file);
    out.push({
      role: f.role,
      file: f.file,
      bytes: f.text !== undefined ? Buffer.from(f.text, "utf8") : readFileSync(f.file),
    });
  }
  return out;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Provenance of inputs `files` run by `command`. */
export function provenance(files: readonly InputFile[], command: string[] | null): Provenance {
  const inputs = contents(files).map((f) => ({ role: f.role, file: f.file, sha256: sha256(f.bytes) }));
  return { git: gitCommit(), dirty: gitDirty(), command, inputs };
}

/** Copy each input into `<dir>/inputs/` (a copy already there under its hash name is kept). */
export function copyInputs(dir: string, files: readonly InputFile[]): InputRecord[] {
  mkdirSync(join(dir, "inputs"), { recursive: true });
  return contents(files).map((f) => {
    const hash = sha256(f.bytes);
    const copy = `inputs/${hash.slice(0, 16)}-${basename(f.file)}`;
    const target = join(dir, copy);
    if (!existsSync(target)) {
      writeFileSync(`${target}.tmp`, f.bytes);
      renameSync(`${target}.tmp`, target);
    }
    return { role: f.role, file: f.file, sha256: hash, copy };
  });
}
