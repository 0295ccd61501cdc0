/**
 * Which outcomes go to outcomes.parquet: those whose catalogue entry has dimensions
 * (`price.{market}`, `province.{province}.seized_kg`), split into the pattern and one value per
 * dimension. An outcome no catalogue names, or one without dimensions, stays a column of
 * runs.parquet.
 */
import { matchOutcome, type OutcomeCatalogue } from "../../core/outcomes.js";
import type { OutcomeSplit, SplitOutcome } from "./layout.js";

/** The splitter of the outcomes of models with `catalogues` (names are looked up once each). */
export function catalogueSplit(catalogues: readonly OutcomeCatalogue[]): SplitOutcome {
  const seen = new Map<string, OutcomeSplit | undefined>();
  return (name) => {
    if (seen.has(name)) return seen.get(name);
    let out: OutcomeSplit | undefined;
    for (const c of catalogues) {
      const m = matchOutcome(c, name);
      if (!m) continue;
      if (m.spec.dimensions.length > 0)
        out = { outcome: m.spec.name, dims: m.spec.dimensions.map((d) => [d, m.dims[d] ?? ""]) };
      break;
    }
    seen.set(name, out);
    return out;
  };
}
