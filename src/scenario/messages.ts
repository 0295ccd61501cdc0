/**
 * zod issues in plain words. Bounds and choices are read from the issue and from the schema that
 * failed (via its JSON Schema), so a new model's params get messages like "must be a number
 * between 0 and 1" without any per-field text here.
 */
import { z } from "zod";
import type { ModelDefinition } from "../core/model.js";
import { didYouMean } from "../core/suggest.js";
import { allowedKeys, hasPath, recordKeyAt, schemaAt, valueAt } from "./schema-walk.js";

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/** A problem found in a file's data, before it is located in its text. */
export interface Finding {
  /** Value path of the problem. */
  path: PropertyKey[];
  /** Plain-words message. */
  message: string;
  /** Whether the problem is with the key of the entry (located at the key) or its value. */
  at: "key" | "value";
}

/** What the describer needs besides the issue: the schema and data it came from. */
export interface IssueContext {
  /** The schema that was parsed (one union option, or the unknown-model fallback). */
  root: Schema;
  /** The plain data that was parsed. */
  data: unknown;
  /** The scenario's model, when known (for "map is not used by model …"). */
  model?: ModelDefinition<unknown> | undefined;
}

interface Bound {
  value: number;
  inclusive: boolean;
}

/** Bounds beyond the safe integers are zod's representation of "none" for z.int(). */
function usable(n: unknown): n is number {
  return typeof n === "number" && Math.abs(n) < Number.MAX_SAFE_INTEGER;
}

/** Numeric constraints of a schema, read from its JSON Schema (the documented view of its checks). */
function numberFacts(leaf: Schema | undefined): { integer: boolean; min?: Bound; max?: Bound } {
  if (!leaf) return { integer: false };
  let js: Record<string, unknown>;
  try {
    js = z.toJSONSchema(leaf, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  } catch {
    return { integer: false };
  }
  const facts: { integer: boolean; min?: Bound; max?: Bound } = { integer: js.type === "integer" };
  if (usable(js.minimum)) facts.min = { value: js.minimum, inclusive: true };
  if (usable(js.exclusiveMinimum)) facts.min = { value: js.exclusiveMinimum, inclusive: false };
  if (usable(js.maximum)) facts.max = { value: js.maximum, inclusive: true };
  if (usable(js.exclusiveMaximum)) facts.max = { value: js.exclusiveMaximum, inclusive: false };
  return facts;
}

/** "must be an integer ≥ 0", "must be a number between 0 and 1", … from the issue and the failing schema. */
function numberMessage(issue: Issue, leaf: Schema | undefined): string {
  const facts = numberFacts(leaf);
  const integer = facts.integer || (issue.code === "invalid_type" && issue.expected === "int");
  let { min, max } = facts;
  // The issue's own bound fills in when the schema could not be read.
  if (!min && issue.code === "too_small" && usable(Number(issue.minimum))) {
    min = { value: Number(issue.minimum), inclusive: issue.inclusive ?? true };
  }
  if (!max && issue.code === "too_big" && usable(Number(issue.maximum))) {
    max = { value: Number(issue.maximum), inclusive: issue.inclusive ?? true };
  }
  const kind = integer ? "an integer" : "a number";
  const lo = min ? `${min.inclusive ? "≥" : ">"} ${min.value}` : "";
  const hi = max ? `${max.inclusive ? "≤" : "<"} ${max.value}` : "";
  if (min?.inclusive && max?.inclusive) return `must be ${kind} between ${min.value} and ${max.value}`;
  if (lo && hi) return `must be ${kind} ${lo} and ${hi}`;
  return `must be ${kind}${lo || hi ? ` ${lo || hi}` : ""}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Length rules for strings and lists. */
function sizeMessage(issue: Issue & { code: "too_small" | "too_big" }): string {
  const n = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
  const text = issue.origin === "string";
  const unit = text ? "character" : "item";
  const tail = text ? " long" : "";
  if (issue.exact) return `must be exactly ${plural(n, unit)}${tail}`;
  if (issue.code === "too_small")
    return text && n === 1 ? "must not be empty" : `must have at least ${plural(n, unit)}`;
  return `must have at most ${plural(n, unit)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: "must be a string",
  boolean: "must be true or false",
  object: "must be a mapping (key: value entries)",
  record: "must be a mapping (key: value entries)",
  array: "must be a list",
  tuple: "must be a list",
  null: "must be empty (null)",
};

/** What a value of each type is called in "must be a string or a mapping". */
const KIND_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "a mapping (key: value entries)",
  record: "a mapping (key: value entries)",
  array: "a list",
};

/**
 * The issues of the one union option a value was meant for: the only option that did not reject
 * the value's type outright (a mapping given for "ASCII map or file path" is meant as the ASCII
 * map), with paths made absolute; undefined when no single option stands out.
 */
function meantOption(issue: Issue): Issue[] | undefined {
  if (issue.code !== "invalid_union" || !issue.errors?.length) return undefined;
  const typeOnly = (opt: readonly Issue[]) =>
    opt.length > 0 && opt.every((i) => i.code === "invalid_type" && i.path.length === 0);
  const near = issue.errors.filter((opt) => !typeOnly(opt));
  if (near.length !== 1) return undefined;
  return near[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue);
}

/** A value as it reads in a message. */
function show(v: unknown): string {
  return typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
}

/** The message of one issue at `path` (which may differ from issue.path for nested key issues). */
function messageOf(issue: Issue, ctx: IssueContext, path: PropertyKey[], leaf: Schema | undefined): string {
  switch (issue.code) {
    case "invalid_type":
      if (!hasPath(ctx.data, path)) return "is required";
      if (["number", "int", "nan", "bigint"].includes(issue.expected)) return numberMessage(issue, leaf);
      return TYPE_WORDS[issue.expected] ?? `must be ${issue.expected}`;
    case "too_small":
    case "too_big":
      return ["number", "int", "bigint"].includes(issue.origin)
        ? numberMessage(issue, leaf)
        : sizeMessage(issue);
    case "invalid_value": {
      if (issue.values.length === 1) return `must be ${show(issue.values[0])}`;
      const input = valueAt(ctx.data, path);
      const hint = typeof input === "string" ? didYouMean(input, issue.values.map(show)) : "";
      return `must be one of: ${issue.values.map(show).join(", ")}${hint}`;
    }
    case "invalid_format": {
      const f = issue as z.core.$ZodIssueInvalidStringFormat &
        Record<"pattern" | "prefix" | "suffix" | "includes", unknown>;
      if (f.format === "regex") return `must match the pattern ${f.pattern}`;
      if (f.format === "starts_with") return `must start with "${f.prefix}"`;
      if (f.format === "ends_with") return `must end with "${f.suffix}"`;
      if (f.format === "includes") return `must contain "${f.includes}"`;
      return `must be a valid ${f.format}`;
    }
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (options?.length) return `must be one of: ${options.map(show).join(", ")}`;
      const kinds = (issue.errors ?? []).map((opt) => opt[0]?.code === "invalid_type" && opt[0].expected);
      return kinds.length > 0 && kinds.every((k) => typeof k === "string" && k in KIND_WORDS)
        ? `must be ${kinds.map((k) => KIND_WORDS[k as string]).join(" or ")}`
        : "does not match any of the allowed forms";
    }
    default:
      // Custom refinements (and anything newer than this file) carry their own message.
      return issue.message;
  }
}

/** Plain-words problems for the issues zod reported on `ctx.data`. */
export function describeIssues(issues: readonly Issue[], ctx: IssueContext): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) {
    const path = [...issue.path];
    const meant = meantOption(issue);
    if (meant) {
      out.push(...describeIssues(meant, ctx));
    } else if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeys(ctx.root, ctx.data, path);
      for (const key of issue.keys) {
        const message =
          path.length === 0 && key === "map" && ctx.model && !ctx.model.usesMap
            ? `map is not used by model "${ctx.model.name}"`
            : `unknown key "${key}"${didYouMean(key, allowed)}`;
        out.push({ path: [...path, key], message, at: "key" });
      }
    } else if (issue.code === "invalid_key") {
      // The key itself broke the record's key rule: say so at the key, in the key rule's words.
      const keySchema = recordKeyAt(ctx.root, ctx.data, path.slice(0, -1));
      const key = String(path[path.length - 1]);
      const inner = issue.issues.map((i) => messageOf(i, { ...ctx, data: key }, [], keySchema));
      // An empty key is nearly always a bare `~` (or nothing) before the colon, which YAML reads as null.
      const hint = key === "" ? ' (a bare ~ is null in YAML; quote it: "~")' : "";
      out.push({ path, message: `key "${key}" ${inner.join("; ") || "is not allowed"}${hint}`, at: "key" });
    } else if (issue.code === "invalid_element") {
      for (const inner of issue.issues) {
        out.push({ path, message: messageOf(inner, ctx, path, undefined), at: "value" });
      }
    } else {
      out.push({
        path,
        message: messageOf(issue, ctx, path, schemaAt(ctx.root, ctx.data, path)),
        at: "value",
      });
    }
  }
  return out;
}
