/**
 * Writing design.json (its format: core/design-file.ts) when a sensitivity study starts.
 */
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DESIGN_FILE, type DesignFile } from "../../core/design-file.js";
import type { Design } from "./design.js";

/** The design.json document of `design`, or undefined when it is not a sensitivity design. */
export function designDocument(design: Design): DesignFile | undefined {
  const layout = design.layout;
  if (!layout) return undefined;
  const factors = design.factors
    .filter((f) => f.kind === "range")
    .map((f) => ({ name: f.name, path: f.path }));
  const common = { samples: design.samples, factors, roles: layout.roles };
  if (layout.kind === "saltelli")
    return {
      design: "saltelli",
      ...common,
      saltelli: { base: layout.base, secondOrder: layout.secondOrder },
    };
  const { trajectories, levels, delta, candidates } = layout;
  return { design: "morris", ...common, morris: { trajectories, levels, delta, candidates } };
}

/** Write `<dir>/design.json` for a sensitivity design (temporary file + rename); nothing otherwise. */
export function writeDesignFile(dir: string, design: Design): void {
  const doc = designDocument(design);
  if (!doc) return;
  const path = join(dir, DESIGN_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(doc)}\n`);
  renameSync(`${path}.tmp`, path);
}
