/** pamir's package: its folder and version, read once from package.json next to the compiled tree. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The folder of pamir's package.json and its version; src/ (tests) and dist/src/ (installed) sit at different depths. */
const PACKAGE = ((): { root: string | undefined; version: string } => {
  for (const rel of ["../../package.json", "../../../package.json"]) {
    const url = new URL(rel, import.meta.url);
    try {
      const pkg = JSON.parse(readFileSync(url, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "pamir" && pkg.version)
        return { root: fileURLToPath(new URL(".", url)), version: pkg.version };
    } catch {
      // try the next candidate
    }
  }
  return { root: undefined, version: "0.0.0" };
})();

/** The package version string. */
export const PAMIR_VERSION: string = PACKAGE.version;

/** The package's folder (holding package.json, schemas/, scenarios/), when found. */
export const PAMIR_ROOT: string | undefined = PACKAGE.root;
