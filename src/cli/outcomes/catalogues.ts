/**
 * Which outcome catalogues a command reads: a registered model's, a scenario's model's, or a
 * results folder's (its outcomes.csv; for a folder written before there was one, the catalogues
 * of the models its manifest names). A broken outcomes.csv is bad input (exit 2).
 */
import { existsSync, statSync } from "node:fs";
import { describeColumn, type OutcomeCatalogue } from "../../core/outcomes.js";
import { readOutcomesFile } from "../../core/outcomes-file.js";
import { didYouMean } from "../../core/suggest.js";
import { findModel, MODELS } from "../../models/registry.js";
import { readManifest } from "../../study/results/manifest.js";
import { CliError, EXIT } from "../errors.js";
import { loadOrFail } from "../load.js";
import { problemsText } from "../problems.js";

/** The registered catalogues of `models`, each once, unknown names left out. */
export function registeredCatalogues(models: readonly string[]): OutcomeCatalogue[] {
  const names = [...new Set(models)];
  return names.flatMap((n) => {
    const m = findModel(n);
    return m ? [m.outcomes] : [];
  });
}

/** The catalogues of the results folder `dir` (none when it has neither outcomes.csv nor a manifest naming models). */
export function resultsCatalogues(dir: string): OutcomeCatalogue[] {
  const file = readOutcomesFile(dir);
  if (file && !file.ok) throw new CliError(problemsText(file.problems), EXIT.badInput);
  if (file) return file.value;
  return registeredCatalogues(readManifest(dir)?.scenarios.map((s) => s.model) ?? []);
}

/** The catalogues `target` names: a model, a scenario file or a results folder; else a located usage error. */
export function targetCatalogues(target: string): OutcomeCatalogue[] {
  const model = findModel(target);
  if (model) return [model.outcomes];
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) return [loadOrFail(target).model.outcomes];
    const found = resultsCatalogues(target);
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
