/**
 * The opening every YAML file loader shares (studies, calibrations): parse the text with
 * positions, report YAML problems, and require the top level to be a mapping — each problem
 * reported, located, into the file's problem list.
 */
import type { Locator } from "./locate.js";
import type { FileProblems } from "./located.js";
import type { Finding } from "./messages.js";
import { parseYaml } from "./yaml-source.js";

/** A file's top-level mapping with its locator and a reporter for findings in it. */
export interface MappingSource {
  /** The parsed top level (a mapping). */
  data: object;
  /** Positions of keys and values. */
  locator: Locator;
  /** Report a finding at its place in the file. */
  place: (f: Finding) => void;
}

/**
 * Parse `text` and require a mapping; undefined when it is not usable (the problems are in
 * `found`). `emptyMessage` says what an empty file lacks.
 */
export function readMapping(
  found: FileProblems,
  text: string,
  emptyMessage: string,
): MappingSource | undefined {
  const source = parseYaml(text);
  for (const p of source.problems) found.report("yaml", p.pos, "(yaml)", p.message);
  if (!source.usable) return undefined;
  const { data, locator } = source;
  const place = (f: Finding) => found.place(locator, f);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const message = data == null ? emptyMessage : "must be a mapping (key: value entries)";
    place({ path: [], message, at: "value" });
    return undefined;
  }
  return { data, locator, place };
}
