/**
 * Scenario text to plain data, keeping the parsed tree so every later problem can be located.
 * YAML errors come back as located problems; structural ones make the data untrustworthy, so
 * the loader stops there rather than report schema "errors" that are parser guesswork.
 */
import { type Alias, isAlias, LineCounter, parseDocument, visit } from "yaml";
import { createLocator, type Locator, type Position } from "./locate.js";
import { MAX_YAML_DEPTH, tooDeepAt } from "./yaml-depth.js";

/** A YAML-level problem, located. */
export interface YamlProblem {
  pos: Position;
  message: string;
}

/** What parsing the text gives. */
export interface YamlSource {
  /** Locates value paths in the text. */
  locator: Locator;
  /** The document as plain JS (undefined when it could not be built). */
  data: unknown;
  /** YAML syntax and reference problems. */
  problems: YamlProblem[];
  /** Whether `data` can be validated: false after errors that leave the tree a guess. */
  usable: boolean;
}

/** Parse `text` as one YAML document, collecting every YAML error with its position. */
export function parseYaml(input: string): YamlSource {
  // Editors do not count a byte-order mark as a column, so positions are taken without it.
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const lineCounter = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    // Nothing else is parsed: building the document would recurse once per level.
    const locator = createLocator(parseDocument("", { lineCounter }), lineCounter, text);
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
    const message = `nests deeper than ${MAX_YAML_DEPTH} levels`;
    return { locator, data: undefined, problems: [{ pos: locator.at(deep), message }], usable: false };
  }
  // logLevel "error": warnings (e.g. stringified collection keys) must not go to the console.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  const locator = createLocator(doc, lineCounter, text);
  const problems: YamlProblem[] = doc.errors.map((e) => ({ pos: locator.at(e.pos[0]), message: e.message }));
  // A duplicate key leaves the tree intact (the last one wins), so validation can still go on.
  if (doc.errors.some((e) => e.code !== "DUPLICATE_KEY"))
    return { locator, data: undefined, problems, usable: false };

  // An alias without an earlier anchor is no syntax error to the parser, but makes toJS throw.
  // One pass in document order, collecting anchors as they come: an alias refers to an anchor
  // met before it (Alias.resolve searches the whole document per alias: quadratic).
  const unresolved: Alias[] = [];
  const anchors = new Set<string>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) unresolved.push(node);
      } else if (node.anchor) anchors.add(node.anchor);
    },
  });
  for (const a of unresolved) {
    problems.push({
      pos: locator.at(a.range?.[0] ?? 0),
      message: `alias *${a.source} has no anchor &${a.source} before it`,
    });
  }
  if (unresolved.length > 0) return { locator, data: undefined, problems, usable: false };

  try {
    return { locator, data: doc.toJS(), problems, usable: true };
  } catch (err) {
    // Alias bombs (over the parser's alias limit) and the like: report at the start of the document, where there is no better place.
    const start = doc.contents?.range?.[0] ?? 0;
    problems.push({ pos: locator.at(start), message: err instanceof Error ? err.message : String(err) });
    return { locator, data: undefined, problems, usable: false };
  }
}
