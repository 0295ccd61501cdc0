/**
 * Rules of the sensitivity design keys that the schema cannot express, as located problems:
 * `secondOrder` belongs to saltelli and `levels`/`candidates` to morris, a Saltelli design has at
 * most 10 range factors (2k Sobol dimensions), Morris levels are even and its candidates
 * outnumber the trajectories kept. Also the number of samples per factorial cell each design makes.
 */
import type { Finding } from "../../scenario/messages.js";
import type { StudyInput } from "../schema.js";
import { SALTELLI_MAX_FACTORS, saltelliBlock } from "./saltelli.js";

const key = (path: PropertyKey[], message: string): Finding => ({ path, message, at: "key" });
const value = (path: PropertyKey[], message: string): Finding => ({ path, message, at: "value" });

/** Problems with the sensitivity design keys of `study`, which has `ranges` range factors. */
export function checkSensitivityDesign(study: StudyInput, ranges: number): Finding[] {
  const out: Finding[] = [];
  if (study.secondOrder !== undefined && study.design !== "saltelli")
    out.push(key(["secondOrder"], "applies to design: saltelli only"));
  for (const k of ["levels", "candidates"] as const)
    if (study[k] !== undefined && study.design !== "morris")
      out.push(key([k], "applies to design: morris only"));
  if (study.design === "saltelli" && ranges > SALTELLI_MAX_FACTORS)
    out.push(
      value(
        ["design"],
        `saltelli supports at most ${SALTELLI_MAX_FACTORS} range factors (its Sobol sequence has 2 per factor)`,
      ),
    );
  if (study.design === "morris" && study.levels !== undefined && study.levels % 2 !== 0)
    out.push(value(["levels"], "must be even (then every Morris step Δ = p/(2(p−1)) stays on the grid)"));
  if (study.design === "morris" && study.candidates !== undefined && study.samples !== undefined) {
    if (study.candidates <= study.samples)
      out.push(
        value(
          ["candidates"],
          `must be more than samples (${study.samples}), the trajectories kept from them`,
        ),
      );
  }
  return out;
}

/** Samples per factorial cell: `samples` for lhs/sobol, N·(k+2) or N·(2k+2) for saltelli, r·(k+1) for morris. */
export function samplesPerCell(study: StudyInput, ranges: number): number {
  const n = study.samples ?? 1;
  if (study.design === "saltelli") return n * saltelliBlock(ranges, study.secondOrder ?? false);
  if (study.design === "morris") return n * (ranges + 1);
  return n;
}
