/**
 * Which outcome catalogues a command reads: a registered model's, a scenario's model's, or a
 * results folder's (its outcomes.csv; for a folder written before there was one, the catalogues
 * of the models its manifest names). A broken outcomes.csv is bad input (exit 2). The model
 * registry is loaded only when a model's own catalogue is needed: a results folder with its
 * outcomes.csv is read without loading any model.
 */
import { existsSync, statSync } from "node:fs";
import { describeColumn, type OutcomeCatalogue } from "../../core/outcomes.js";
import { readOutcomesFile } from "../../core/outcomes-file.js";
import { didYouMean } from "../../core/suggest.js";
import type { Direction } from "../../stats/regret.js";
import { readManifest } from "../../study/results/manifest.js";
import { CliError, EXIT } from "../errors.js";
import { problemsText } from "../problems.js";

/** The registered catalogues of `models`, each once, unknown names left out. */
export async function registeredCatalogues(models: readonly string[]): Promise<OutcomeCatalogue[]> {
  const names = [...new Set(models)];
  if (names.length === 0) return [];
  const { findModel } = await import("../../models/registry.js");
  return names.flatMap((n) => {
    const m = findModel(n);
    return m ? [m.outcomes] : [];
  });
}

/** The catalogues of the results folder `dir` (none when it has neither outcomes.csv nor a manifest naming models). */
export async function resultsCatalogues(dir: string): Promise<OutcomeCatalogue[]> {
  const file = readOutcomesFile(dir);
  if (file && !file.ok) throw new CliError(problemsText(file.problems), EXIT.badInput);
  if (file) return file.value;
  return registeredCatalogues(readManifest(dir)?.scenarios.map((s) => s.model) ?? []);
}

/** The catalogues `target` names: a model, a scenario file or a results folder; else a located usage error. */
export async function targetCatalogues(target: string): Promise<OutcomeCatalogue[]> {
  const { findModel, MODELS } = await import("../../models/registry.js");
  const model = findModel(target);
  if (model) return [model.outcomes];
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      const { loadOrFail } = await import("../load.js");
      return [loadOrFail(target).model.outcomes];
    }
    const found = await resultsCatalogues(target);
    if (found.length > 0) return found;
    throw new CliError(
      `${target}: a folder without outcomes.csv or a manifest naming a model`,
      EXIT.badInput,
    );
  }
  const names = MODELS.map((m) => m.name);
  throw new CliError(
    `"${target}" is not a model, a scenario file or a results folder${didYouMean(target, names)}; models: ${names.join(", ")}`,
    EXIT.badInput,
  );
}

/** The unit of outcome `name` in `catalogues`, or "" when none names it. */
export function unitOf(catalogues: readonly OutcomeCatalogue[], name: string): string {
  return describeColumn(catalogues, name)?.spec.unit ?? "";
}

/** Which way each outcome of `catalogues` is good ("none": no direction); undefined without catalogues. */
export function catalogueDirections(
  catalogues: readonly OutcomeCatalogue[],
): ((outcome: string) => Direction | undefined) | undefined {
  if (catalogues.length === 0) return undefined;
  return (outcome) => {
    const d = describeColumn(catalogues, outcome)?.spec.direction;
    return d === "lower" ? "lower-is-better" : d === "higher" ? "higher-is-better" : undefined;
  };
}
