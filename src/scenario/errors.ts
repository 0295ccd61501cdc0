/** Located scenario problems and their one-line form `file:line:col  path  message`. */

/** One problem in a scenario file, located at the offending text. */
export interface ScenarioError {
  /** The file as given to the loader. */
  file: string;
  /** 1-based line; 0 when the file itself could not be read. */
  line: number;
  /** 1-based column (UTF-16 units, as editors count); 0 when the file could not be read. */
  col: number;
  /** Where in the scenario: a dotted path like `params.agents`, or `(root)`, `(yaml)`, `(file)`. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
}

/** A path segment that can be written after a dot without quoting. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A value path in dotted form: `insurgents.bands[2].fighters`, `map.legend["~"]`, or `(root)` when empty. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (typeof seg === "string" && PLAIN_KEY.test(seg)) out += out === "" ? seg : `.${seg}`;
    // Keys like "~" or "." would be unreadable (or ambiguous) after a dot, so they are quoted.
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out === "" ? "(root)" : out;
}

/** The one-line form of a problem: `file:line:col  path  message`. */
export function formatScenarioError(e: ScenarioError): string {
  return `${e.file}:${e.line}:${e.col}  ${e.path}  ${e.message}`;
}

/** Problems in reading order (line, then column), duplicates dropped; ties keep their discovery order. */
export function sortErrors(errors: readonly ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = formatScenarioError(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Array sort is stable, so problems on the same spot keep the order they were found in.
  return unique.sort((a, b) => a.line - b.line || a.col - b.col);
}
