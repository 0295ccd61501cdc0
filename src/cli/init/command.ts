/**
 * `pamir init [scenario|study] <file>`: write a commented starting scenario or study (templates.ts)
 * whose modeline points at the JSON Schema the package ships in schemas/, by a path relative to
 * the file. An existing file is kept unless --force.
 */
import { writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Print } from "../command-spec.js";
import { CliError, EXIT } from "../errors.js";
import { PAMIR_ROOT } from "../version.js";
import { type InitKind, scenarioTemplate, studyTemplate } from "./templates.js";

/** The arguments as yargs gives them. */
export interface InitArgs {
  kindOrFile: string;
  file?: string | undefined;
  scenario: string;
  force: boolean;
}

const KINDS: readonly string[] = ["scenario", "study"];

/** The kind and file the positionals name (one positional: a scenario file). */
function target(a: InitArgs): { kind: InitKind; file: string } {
  if (a.file === undefined) return { kind: "scenario", file: a.kindOrFile };
  if (!KINDS.includes(a.kindOrFile))
    throw new CliError(`init: "${a.kindOrFile}" is not scenario or study`, EXIT.badInput);
  return { kind: a.kindOrFile as InitKind, file: a.file };
}

/**
 * The package's schema of `kind` as the modeline names it: relative to the file (with forward
 * slashes) when the file is inside the package's folder, so the pair moves together; otherwise the
 * schema's file URL, which does not depend on where the file is.
 */
export function schemaReference(kind: InitKind, file: string): string {
  const root = PAMIR_ROOT ?? process.cwd();
  const schema = join(root, "schemas", `${kind}.schema.json`);
  const at = resolve(file);
  if (relative(root, at).startsWith("..") || isAbsolute(relative(root, at)))
    return pathToFileURL(schema).href;
  return relative(dirname(at), schema).split(sep).join("/");
}

/** Execute `pamir init`. */
export function initCommand(args: InitArgs, print: Print): void {
  const { kind, file } = target(args);
  const schema = schemaReference(kind, file);
  const text = kind === "scenario" ? scenarioTemplate(schema) : studyTemplate(schema, args.scenario);
  try {
    // "wx" fails on an existing file, so nothing is overwritten between a check and the write.
    writeFileSync(file, text, { flag: args.force ? "w" : "wx" });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    if (code === "EEXIST") throw new CliError(`${file} exists; --force overwrites it`, EXIT.badInput);
    throw new CliError(`cannot write ${file}: ${code}`, EXIT.badInput);
  }
  const next = kind === "scenario" ? `pamir run ${file}` : `pamir study ${file}`;
  print(`wrote ${file} (a starting ${kind}); check it with pamir validate ${file}, then ${next}`);
}
