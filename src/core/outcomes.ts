/**
 * The outcome catalogue: what each outcome (and per-tick series) a model emits means, in what unit,
 * which way is better, and which parts of its name are dimensions. A model owns one catalogue
 * (`ModelDefinition.outcomes`); the CLI, the study and the report read units and meanings here
 * instead of each knowing a few names. Names are patterns whose dimension parts are written
 * `{dim}` (`province.{province}.seized_kg`, `price.{market}`); dimension values are never listed
 * here but read from the columns a run emits, so one catalogue serves every world a model runs on.
 */

/** Which way of an outcome is better for the posture evaluation the model's docs take; "none" when neither is (prices). */
export type OutcomeDirection = "lower" | "higher" | "none";

/** One outcome (or series) a model emits, or a family of them that differ only in dimension values. */
export interface OutcomeSpec {
  /** Name pattern, dimension parts as `{dim}`: `seized_kg`, `price.{market}`, `province.{province}.seized_kg`. */
  name: string;
  /** A short unit: "kg", "USD/kg", "people", "events", "share 0–1", "troop-days", "1" (a pure number). */
  unit: string;
  /** What it measures, one sentence. */
  meaning: string;
  /** A few words for table headers and chart titles ("Heroin delivered"); the name serves when absent. */
  label?: string | undefined;
  /** Which way is better; "none" where no side is. */
  direction: OutcomeDirection;
  /** The dimension names of `name`, in the order they appear. */
  dimensions: readonly string[];
  /**
   * The values a dimension may take, for dimensions whose values are a fixed set of the model's
   * own (agencies, motive classes, sides): they tell apart two patterns of the same shape
   * (`seized_kg.{country}` and `seized_kg.{agency}`). Dimensions not named here take any value.
   */
  values?: Readonly<Record<string, readonly string[]>> | undefined;
}

/** Everything a model declares it emits. */
export interface OutcomeCatalogue {
  /** The model's registered name. */
  model: string;
  /** The model's version, as its docs number it; a catalogue changes with the model. */
  version: string;
  /** End-of-run scalar outcomes (`RunResult.outcomes`), one entry per name pattern. */
  outcomes: readonly OutcomeSpec[];
  /** Per-tick series (`RunResult.series`), one entry per name pattern. */
  series: readonly OutcomeSpec[];
}

/** What `spec()` takes besides name, unit, direction and meaning. */
export interface SpecExtras {
  label?: string | undefined;
  values?: Readonly<Record<string, readonly string[]>> | undefined;
}

/** One catalogue entry, its dimensions read from the name's `{dim}` parts (so the two cannot disagree). */
export function spec(
  name: string,
  unit: string,
  direction: OutcomeDirection,
  meaning: string,
  extras: SpecExtras = {},
): OutcomeSpec {
  const out: OutcomeSpec = { name, unit, meaning, direction, dimensions: patternDimensions(name) };
  if (extras.label !== undefined) out.label = extras.label;
  if (extras.values !== undefined) out.values = extras.values;
  return out;
}

/** A column name read through its spec: the spec and the value of each of its dimensions. */
export interface OutcomeMatch {
  spec: OutcomeSpec;
  /** Dimension name → value, in the spec's order (`{ province: "GBAO" }`). */
  dims: Record<string, string>;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The dimension names a pattern holds, in order (`province.{province}.seized_kg` → ["province"]). */
export function patternDimensions(pattern: string): string[] {
  return [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const compiled = new WeakMap<OutcomeSpec, RegExp>();

/** The spec's pattern as an anchored RegExp, one capture group per dimension. */
function specRegExp(spec: OutcomeSpec): RegExp {
  let re = compiled.get(spec);
  if (!re) {
    const parts = spec.name.split(PLACEHOLDER);
    // split with one capture group alternates literal, dimension name, literal, …
    const source = parts.map((p, i) => (i % 2 === 0 ? escapeRegExp(p) : "(.+?)")).join("");
    re = new RegExp(`^${source}$`);
    compiled.set(spec, re);
  }
  return re;
}

/** The dimension values of `column` under `spec`, or undefined when the column is not one of its names. */
export function matchSpec(spec: OutcomeSpec, column: string): Record<string, string> | undefined {
  const m = specRegExp(spec).exec(column);
  if (!m) return undefined;
  const dims: Record<string, string> = {};
  const names = patternDimensions(spec.name);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = m[i + 1]!;
    const allowed = spec.values?.[name];
    if (allowed && !allowed.includes(value)) return undefined;
    dims[name] = value;
  }
  return dims;
}

/** How specific a spec is: patterns with fixed value sets and more literal text win a tie. */
function specificity(spec: OutcomeSpec): number {
  const closed = Object.keys(spec.values ?? {}).length;
  return closed * 1000 + spec.name.replace(PLACEHOLDER, "").length;
}

/** The spec among `specs` that names `column` (the most specific when several do), with its dimension values. */
export function matchColumn(specs: readonly OutcomeSpec[], column: string): OutcomeMatch | undefined {
  let best: OutcomeMatch | undefined;
  for (const spec of specs) {
    const dims = matchSpec(spec, column);
    if (dims && (!best || specificity(spec) > specificity(best.spec))) best = { spec, dims };
  }
  return best;
}

/** The outcome spec of a column of `catalogue` (end-of-run outcomes), or undefined. */
export function matchOutcome(catalogue: OutcomeCatalogue, column: string): OutcomeMatch | undefined {
  return matchColumn(catalogue.outcomes, column);
}

/** The series spec of a series name of `catalogue`, or undefined. */
export function matchSeries(catalogue: OutcomeCatalogue, name: string): OutcomeMatch | undefined {
  return matchColumn(catalogue.series, name);
}

/** What a catalogue and the names a model emitted disagree on: names without a spec, specs no name matched. */
export interface CatalogueGaps {
  /** Emitted names no spec matches. */
  undeclared: string[];
  /** Spec names (patterns) that matched none of the emitted names. */
  unused: string[];
}

/** Compare `specs` with the `emitted` names of one or more runs. */
export function catalogueGaps(specs: readonly OutcomeSpec[], emitted: Iterable<string>): CatalogueGaps {
  const used = new Set<OutcomeSpec>();
  const undeclared: string[] = [];
  for (const name of emitted) {
    const m = matchColumn(specs, name);
    if (m) used.add(m.spec);
    else undeclared.push(name);
  }
  return { undeclared, unused: specs.filter((s) => !used.has(s)).map((s) => s.name) };
}

/**
 * A catalogue's own mistakes, one message each: a name listed twice, dimensions that disagree with
 * the pattern, a value set for a dimension the pattern lacks, an empty unit or meaning.
 */
export function catalogueProblems(catalogue: OutcomeCatalogue): string[] {
  const problems: string[] = [];
  for (const [kind, specs] of [
    ["outcomes", catalogue.outcomes],
    ["series", catalogue.series],
  ] as const) {
    const seen = new Set<string>();
    for (const s of specs) {
      const at = `${catalogue.model} ${kind} ${s.name}`;
      if (seen.has(s.name)) problems.push(`${at}: listed twice`);
      seen.add(s.name);
      const dims = patternDimensions(s.name);
      if (dims.join(",") !== s.dimensions.join(","))
        problems.push(`${at}: dimensions [${s.dimensions.join(", ")}] but the name has [${dims.join(", ")}]`);
      for (const d of Object.keys(s.values ?? {}))
        if (!dims.includes(d)) problems.push(`${at}: values for "${d}", which the name lacks`);
      if (s.unit.trim() === "") problems.push(`${at}: no unit`);
      if (s.meaning.trim() === "") problems.push(`${at}: no meaning`);
    }
  }
  return problems;
}

/** The pattern as a `keep:` glob would read it: each dimension part is `*`. */
export function patternGlob(spec: OutcomeSpec): string {
  return spec.name.replace(PLACEHOLDER, "*");
}

/** The spec naming `column` in the first of `catalogues` that has one, with that catalogue's model. */
export function describeColumn(
  catalogues: readonly OutcomeCatalogue[],
  column: string,
  kind: "outcomes" | "series" = "outcomes",
): (OutcomeMatch & { model: string }) | undefined {
  for (const c of catalogues) {
    const m = matchColumn(c[kind], column);
    if (m) return { ...m, model: c.model };
  }
  return undefined;
}

/**
 * The names a spec stands for, as globs: each dimension part is `?*` (one character or more), or
 * each of its fixed values; a spec with fixed values gives one glob per combination.
 */
export function specGlobs(spec: OutcomeSpec): string[] {
  let globs = [""];
  const parts = spec.name.split(PLACEHOLDER);
  parts.forEach((part, i) => {
    const options = i % 2 === 0 ? [part] : (spec.values?.[part] ?? ["?*"]);
    globs = globs.flatMap((g) => options.map((o) => g + o));
  });
  return globs;
}
