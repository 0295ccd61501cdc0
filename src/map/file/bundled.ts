/**
 * The map files that ship with pamir (`scenarios/maps/*.json`, in the package's `files`), found
 * from this module's own location so they load the same from the sources (tests), from dist/
 * and from an installed package, whatever the working directory.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCentralAsiaMap } from "./load.js";
import type { CentralAsiaMap } from "./types.js";

/** The path of the shipped map `name` (default the Central Asia map); throws if it is not there. */
export function bundledMapFile(name = "central-asia"): string {
  const rel = join("scenarios", "maps", `${name}.json`);
  // src/map/file → repository root is three levels up; dist/src/map/file is four.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const file = join(dir, rel);
    if (existsSync(file)) return file;
    dir = dirname(dir);
  }
  throw new Error(`shipped map ${rel} not found above ${fileURLToPath(import.meta.url)}`);
}

/**
 * The shipped map `name`, loaded and checked. A broken shipped map is a defect of the package
 * (the map tests guard it), not bad user input, so it throws with every problem listed.
 */
export function loadBundledMap(name = "central-asia"): CentralAsiaMap {
  const file = bundledMapFile(name);
  const r = loadCentralAsiaMap(file);
  if (!r.ok)
    throw new Error(
      `shipped map ${file} is invalid:\n${r.problems.map((p) => `${p.path}  ${p.message}`).join("\n")}`,
    );
  return r.map;
}
