/**
 * The results folder's outcomes.csv: the catalogue of every model the study's scenarios run
 * (core/outcomes-file.ts), written when the study finishes, through a temporary name, so the
 * folder says what its outcome columns mean and the report reads units from the folder alone.
 */
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OutcomeCatalogue } from "../../core/outcomes.js";
import { OUTCOMES_FILE, outcomesCsv } from "../../core/outcomes-file.js";
import type { LoadedStudy } from "../load.js";

/** The catalogues of the models `study` runs, each model once, in scenario order. */
export function studyCatalogues(study: LoadedStudy): OutcomeCatalogue[] {
  const seen = new Map<string, OutcomeCatalogue>();
  for (const s of study.scenarios) seen.set(s.scenario.model.name, s.scenario.model.outcomes);
  return [...seen.values()];
}

/** Write `<dir>/outcomes.csv` for `study`. */
export function writeOutcomesFile(dir: string, study: LoadedStudy): void {
  const path = join(dir, OUTCOMES_FILE);
  writeFileSync(`${path}.tmp`, outcomesCsv(studyCatalogues(study)));
  renameSync(`${path}.tmp`, path);
}
