/**
 * datapackage.json: the results folder's tables described as a Frictionless Tabular Data Package
 * (Data Package, Tabular Data Resource and Table Schema, version 1 profiles), so tools that read
 * Data Packages know every column's type, meaning and unit without pamir. Meanings and units of
 * outcomes and series come from the models' catalogues; a Table Schema field has no unit
 * property, so each field carries `unit` as a custom property (the specs allow them) and names
 * it in its description too.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { matchOutcome, matchSeries, type OutcomeCatalogue, type OutcomeSpec } from "../../core/outcomes.js";
import { dimColumn } from "./columns.js";
import { TABLES } from "./compact.js";
import { FIXED_COLUMNS, type RunsLayout } from "./layout.js";
import type { ColumnType } from "./parquet.js";

/** A Table Schema field. */
export interface Field {
  name: string;
  type: "string" | "integer" | "number" | "boolean";
  title?: string;
  description: string;
  unit?: string;
  constraints?: { required?: boolean; enum?: string[] };
}

const FIELD_TYPE: Record<ColumnType, Field["type"]> = {
  STRING: "string",
  INT32: "integer",
  INT64: "integer",
  DOUBLE: "number",
  BOOLEAN: "boolean",
};

const FIXED_MEANING: Record<string, string> = {
  id: "run id, <scenario key>/p<design point>/r<replicate>",
  scenario: "scenario key",
  point: "design point index within the scenario",
  replicate: "replicate index within the design point",
  seed: "the run's seed (uint32, from the study seed and the run id)",
  status: "ok, or failed",
  error: "a failed run's problems, as `kind path: message` joined by `; `",
  ticks: "ticks run (0 for a failed run)",
};

/** A catalogue entry as a field's title, description and unit. */
function described(
  spec: OutcomeSpec | undefined,
  fallback: string,
): Pick<Field, "title" | "description" | "unit"> {
  if (!spec) return { description: `${fallback} (not in the model's outcome catalogue)` };
  const unit = spec.unit;
  return { title: spec.label ?? spec.name, description: `${spec.meaning} Unit: ${unit}.`, unit };
}

/** The first catalogue entry of `catalogues` naming `name`, as outcome or as series. */
function specOf(
  catalogues: readonly OutcomeCatalogue[],
  name: string,
  series = false,
): OutcomeSpec | undefined {
  for (const c of catalogues) {
    const m = series ? matchSeries(c, name) : matchOutcome(c, name);
    if (m) return m.spec;
  }
  return undefined;
}

/** The fields of runs.parquet. */
export function runsFields(layout: RunsLayout, catalogues: readonly OutcomeCatalogue[]): Field[] {
  return [
    ...FIXED_COLUMNS.map((c) => ({
      name: c.name,
      type: FIELD_TYPE[c.type],
      description: FIXED_MEANING[c.name]!,
      ...(["id", "scenario", "point", "replicate", "status"].includes(c.name)
        ? { constraints: { required: true } }
        : {}),
    })),
    ...layout.factors.map((f) => ({
      name: f.name,
      type: FIELD_TYPE[f.type],
      description:
        f.leaf.length > 0
          ? `factor ${f.path}: the value at ${f.leaf.join(".")} of its object value`
          : `factor ${f.path}: its value at the run's design point`,
    })),
    ...layout.arms.map((a) => ({
      name: a.name,
      type: "string" as const,
      description: `arm label of the labelled factor ${a.factor}`,
    })),
    ...layout.outcomes.map((o) => ({
      name: o.name,
      type: "number" as const,
      ...described(specOf(catalogues, o.outcome), `end-of-run outcome ${o.outcome}`),
    })),
  ];
}

/** The patterns of outcomes.parquet's `outcome` column with their catalogue entries. */
function patternField(
  specs: OutcomeSpec[],
): Field & { catalogue: { name: string; unit: string; meaning: string }[] } {
  return {
    name: "outcome",
    type: "string",
    description:
      "the outcome's catalogue pattern, dimension parts as {dimension}; `catalogue` gives each one's unit and meaning",
    constraints: { required: true, enum: specs.map((s) => s.name) },
    catalogue: specs.map((s) => ({ name: s.name, unit: s.unit, meaning: s.meaning })),
  };
}

/** A table resource: path, format, size and SHA-256 of the file in `dir`. */
function resource(dir: string, name: string, path: string, description: string, schema: object) {
  const bytes = statSync(join(dir, path)).size;
  const hash = createHash("sha256")
    .update(readFileSync(join(dir, path)))
    .digest("hex");
  return {
    profile: "tabular-data-resource",
    name,
    path,
    format: "parquet",
    mediatype: "application/vnd.apache.parquet",
    bytes,
    hash: `sha256:${hash}`,
    description,
    schema,
  };
}

/** What the package describes. */
export interface PackageInputs {
  dir: string;
  /** Study name and slug (the package's title and name). */
  title: string;
  name: string;
  layout: RunsLayout;
  catalogues: readonly OutcomeCatalogue[];
  /** Catalogue patterns of the dimensioned outcomes the runs carry. */
  patterns: readonly OutcomeSpec[];
  /** Series names the runs kept, or undefined when the study kept none. */
  series?: readonly string[] | undefined;
}

/** The datapackage.json document of a finished study's folder. */
export function dataPackage(p: PackageInputs): object {
  const runsKey = [{ fields: "id", reference: { resource: "runs", fields: "id" } }];
  const resources = [
    resource(
      p.dir,
      "runs",
      TABLES.runs,
      "one row per run: its design point, seed, status, factor values and scalar outcomes",
      {
        fields: runsFields(p.layout, p.catalogues),
        primaryKey: "id",
      },
    ),
    resource(
      p.dir,
      "outcomes",
      TABLES.outcomes,
      "the dimensioned outcomes in long form: one row per run, outcome and dimension values",
      {
        fields: [
          { name: "id", type: "string", description: FIXED_MEANING.id, constraints: { required: true } },
          patternField([...p.patterns]),
          ...p.layout.dims.map((d) => ({
            name: dimColumn(d),
            type: "string",
            description: `the ${d} dimension's value (empty where the outcome has no ${d})`,
          })),
          {
            name: "value",
            type: "number",
            description: "the outcome's value at the end of the run, in the unit its catalogue entry gives",
          },
        ],
        foreignKeys: runsKey,
      },
    ),
  ];
  if (p.series)
    resources.push(
      resource(
        p.dir,
        "series",
        TABLES.series,
        "thinned per-tick series: one row per run, series and kept tick",
        {
          fields: [
            { name: "id", type: "string", description: FIXED_MEANING.id, constraints: { required: true } },
            {
              name: "tick",
              type: "integer",
              description: "tick number (the state after that tick)",
              constraints: { required: true },
            },
            {
              name: "series",
              type: "string",
              description: "series name; `catalogue` gives each one's unit and meaning",
              constraints: { required: true, enum: [...p.series] },
              catalogue: p.series.map((n) => {
                const s = specOf(p.catalogues, n, true);
                return { name: n, unit: s?.unit ?? null, meaning: s?.meaning ?? null };
              }),
            },
            {
              name: "value",
              type: "number",
              description: "the series' value after that tick (empty where not finite)",
            },
          ],
          primaryKey: ["id", "series", "tick"],
          foreignKeys: runsKey,
        },
      ),
    );
  return { profile: "tabular-data-package", name: p.name, title: p.title, resources };
}

/** Write `<dir>/datapackage.json`. */
export function writeDataPackage(p: PackageInputs): void {
  const path = join(p.dir, "datapackage.json");
  writeFileSync(`${path}.tmp`, `${JSON.stringify(dataPackage(p), null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
