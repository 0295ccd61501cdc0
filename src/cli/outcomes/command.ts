/**
 * `pamir outcomes <model|scenario|results-dir> [--json]`: what each outcome and per-tick series
 * of a model means (unit, which way is better, dimensions, meaning), from the model's catalogue.
 */
import type { Argv } from "yargs";
import type { OutcomeCatalogue, OutcomeSpec } from "../../core/outcomes.js";
import { renderTable } from "../table.js";
import { targetCatalogues } from "./catalogues.js";

const HEADER = ["name", "unit", "direction", "dimensions", "meaning"];

/** A spec's dimensions for the table: names, a fixed value set after its name (`agency: border|police`), "—" for none. */
export function dimensionsText(s: OutcomeSpec): string {
  const each = s.dimensions.map((d) => (s.values?.[d] ? `${d}: ${s.values[d]!.join("|")}` : d));
  return each.join(", ") || "—";
}

/** The table rows of some specs. */
function rows(specs: readonly OutcomeSpec[]): string[][] {
  return specs.map((s) => [s.name, s.unit, s.direction, dimensionsText(s), s.meaning]);
}

/** One catalogue as printed lines: a title, the outcomes table, the series table. */
export function catalogueLines(c: OutcomeCatalogue): string[] {
  const out = [
    `${c.model} (version ${c.version}): ${c.outcomes.length} outcomes, ${c.series.length} series`,
    "direction: which way is better (lower, higher, or none: the outcome describes, it is no goal)",
    "",
    renderTable(HEADER, rows(c.outcomes)),
  ];
  if (c.series.length > 0) out.push("", "Per-tick series:", "", renderTable(HEADER, rows(c.series)));
  return out;
}

/** Execute `pamir outcomes`. */
export async function outcomesCommand(
  target: string,
  json: boolean,
  print: (s: string) => void,
): Promise<void> {
  const catalogues = await targetCatalogues(target);
  if (json) {
    print(JSON.stringify(catalogues.length === 1 ? catalogues[0] : catalogues, null, 2));
    return;
  }
  catalogues.forEach((c, i) => {
    if (i > 0) print("");
    for (const l of catalogueLines(c)) print(l);
  });
}

/** Register `outcomes` on a yargs instance. */
export function registerOutcomes(y: Argv, print: (s: string) => void): Argv {
  return y.command(
    "outcomes <target>",
    "List a model's outcomes and series with unit, direction, dimensions and meaning",
    (c) =>
      c
        .positional("target", {
          type: "string",
          demandOption: true,
          describe: "a model name, a scenario file, or a study's results directory",
        })
        .option("json", { type: "boolean", default: false, describe: "print the catalogue as JSON" }),
    (a) => outcomesCommand(a.target as string, a.json as boolean, print),
  );
}
