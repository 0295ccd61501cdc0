/**
 * `--set path=value` on the command line: one value written into a scenario's parsed data before
 * it is validated, so it is checked as if it were in the file; a problem at or under the value
 * is reported at the `--set` argument instead of a line of the file. The value is YAML (a scalar
 * or flow collection: `3`, `drill`, `[1, 2]`, `{ a: 1 }`); the path is dotted, digits index lists.
 */

import { isPrototypeKey } from "../core/plain-keys.js";
import { failure, formatPath, type Problem, problem, type Result } from "../core/problems.js";
import { prototypeMessage, setPath, splitPath } from "../core/value-path.js";
import type { Finding } from "./messages.js";
import { parseYaml } from "./yaml-source.js";

/** One `--set` argument, parsed. */
export interface Setting {
  /** The argument as given (`params.economy.tax=0.2`), to name it in messages. */
  arg: string;
  /** Where the value goes. */
  path: (string | number)[];
  /** The value, as YAML parsed it. */
  value: unknown;
}

/** The problem of a `--set` argument (kind `option`, at the argument itself). */
function settingProblem(arg: string, message: string): Problem {
  return problem("option", `--set ${arg}`, message);
}

/** Parse one `--set path=value` argument, or say why it is not one. */
export function parseSetting(arg: string): Result<Setting> {
  const eq = arg.indexOf("=");
  if (eq <= 0) return failure(settingProblem(arg, "must be path=value (e.g. params.agents=500)"));
  const path = splitPath(arg.slice(0, eq));
  if (path.some((s) => s === "")) return failure(settingProblem(arg, "the path has an empty segment"));
  const proto = path.find(isPrototypeKey);
  if (proto !== undefined) return failure(settingProblem(arg, `the path ${prototypeMessage(proto)}`));
  const source = parseYaml(arg.slice(eq + 1));
  if (!source.usable || source.problems.length > 0) {
    const why = source.problems[0]?.message.split("\n")[0] ?? "it does not parse";
    return failure(settingProblem(arg, `the value is not a YAML value: ${why}`));
  }
  return { ok: true, value: { arg, path, value: source.data ?? null } };
}

/** Parse every argument; all the bad ones are the failure. */
export function parseSettings(args: readonly string[]): Result<Setting[]> {
  const parsed = args.map(parseSetting);
  const problems = parsed.flatMap((r) => (r.ok ? [] : r.problems));
  if (problems.length > 0) return failure(...problems);
  return { ok: true, value: parsed.flatMap((r) => (r.ok ? [r.value] : [])) };
}

/** A setting written: its argument, and the path under which the data is now its own. */
export interface WrittenSetting {
  arg: string;
  /** The set path, or its first segment where the file had no mapping or list (setPath made one). */
  root: (string | number)[];
}

const isContainer = (v: unknown) => v !== null && typeof v === "object";

/** The shortest prefix of `path` whose node in `data` the setting makes anew. */
function rootOf(data: Record<string, unknown>, path: readonly (string | number)[]): (string | number)[] {
  let cur: unknown = data;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    cur =
      isContainer(cur) && Object.hasOwn(cur as object, seg)
        ? (cur as Record<string, unknown>)[seg]
        : undefined;
    if (!isContainer(cur)) return path.slice(0, i + 1);
  }
  return [...path];
}

/** Write each setting into `data` (a scenario's parsed mapping, mutated), in order: a later one wins. */
export function applySettings(
  data: Record<string, unknown>,
  settings: readonly Setting[],
): Result<WrittenSetting[]> {
  const written: WrittenSetting[] = [];
  for (const s of settings) {
    const root = rootOf(data, s.path);
    // Copied, so two scenarios given the same settings never share a value.
    const why = setPath(data, s.path, structuredClone(s.value));
    if (why !== undefined) return failure(settingProblem(s.arg, `the path ${why}`));
    written.push({ arg: s.arg, root });
  }
  return { ok: true, value: written };
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.length <= path.length && prefix.every((seg, i) => String(seg) === String(path[i]));

/**
 * The problem of a finding that a setting caused, or undefined when it belongs to the file: one
 * at or under the part of the data the setting wrote (an unknown key it added, a value it set
 * or a mapping it made). The last matching setting is the one whose value is in the data.
 */
export function settingFinding(f: Finding, written: readonly WrittenSetting[]): Problem | undefined {
  const s = written.findLast((w) => startsWith(f.path, w.root));
  if (!s) return undefined;
  const inside = f.path.length > s.root.length ? `${formatPath(f.path)}: ` : "";
  return settingProblem(s.arg, `${inside}${f.message}`);
}
