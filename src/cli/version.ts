/** pamir's version, read once from package.json next to the compiled tree. */
import { readFileSync } from "node:fs";

/** The package version string. */
export const PAMIR_VERSION: string = (() => {
  for (const rel of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "pamir" && pkg.version) return pkg.version;
    } catch {
      // try the next candidate: src/ (tests) and dist/src/ (installed) sit at different depths
    }
  }
  return "0.0.0";
})();
