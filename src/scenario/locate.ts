/**
 * From a value path (as zod reports it) back to the text: line and column of the YAML node, its
 * key, or a single character inside a string. Positions come from the parser's node ranges and a
 * `LineCounter`, so they stay exact whatever the file's layout, comments or quoting.
 */
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Pair,
  type Scalar,
} from "yaml";

/** A 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

/** Answers "where in the file is this?" for one parsed document. */
export interface Locator {
  /** Position of a character offset in the text. */
  at(offset: number): Position;
  /** Where the value at `path` starts; for a missing value, where its nearest existing parent starts. */
  value(path: readonly PropertyKey[]): Position;
  /** Where the key of the entry at `path` starts (for problems with the key itself), else as `value`. */
  key(path: readonly PropertyKey[]): Position;
  /** Where character `index` of line `row` of the string at `path` is, as exactly as the quoting allows. */
  inString(path: readonly PropertyKey[], row: number, index: number): Position;
  /** The keys of the mapping at `path` in file order (JS objects reorder integer-like keys). */
  keysInOrder(path: readonly PropertyKey[]): string[] | undefined;
}

interface Walked {
  /** The node at the end of the walk (may be null for an entry without a value). */
  node: unknown;
  /** The mapping entry the node is the value of, when reached through a mapping. */
  pair: Pair | undefined;
  /** Whether every segment of the path was found. */
  complete: boolean;
}

/** What a key reads as once converted to JS (the key of the plain object zod saw; null becomes ""). */
function keyText(key: unknown): string {
  const v = isScalar(key) ? key.value : key;
  return v === null || v === undefined ? "" : String(v);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

/** Follow `path` from the document's root through mappings and sequences, as far as it goes. */
function walkPath(doc: Document, path: readonly PropertyKey[]): Walked {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const seg of path) {
    const cur = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(cur)) {
      // The last duplicate wins, as it does in the parsed value.
      const p = cur.items.findLast((it) => keyText(it.key) === String(seg));
      if (!p) return { node: cur, pair, complete: false };
      pair = p;
      node = p.value;
    } else if (isSeq(cur) && typeof seg === "number" && seg < cur.items.length) {
      pair = undefined;
      node = cur.items[seg];
    } else {
      return { node: cur, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

/** A string scalar as the parser left it: its value, style and source range. */
interface StringNode {
  value: string;
  type: Scalar["type"];
  range: readonly [number, number, number];
}

/**
 * Where character `index` of line `row` of string `node` is in the source, when the style pins
 * it: a literal block, or a one-line string without escapes; undefined otherwise.
 */
function charInString(
  node: StringNode,
  row: number,
  index: number,
  text: string,
  lines: readonly string[],
  at: (offset: number) => Position,
): Position | undefined {
  const valueLine = node.value.split("\n")[row];
  if (valueLine === undefined) return undefined;
  if (node.type === "BLOCK_LITERAL") {
    // Literal block content line i is source line header+1+i, minus the block indentation;
    // the content is the tail of that source line, which pins the column without indent rules.
    const header = at(node.range[0]).line;
    const source = lines[header + row];
    if (source === undefined || !source.endsWith(valueLine)) return undefined;
    return { line: header + 1 + row, col: source.length - valueLine.length + index + 1 };
  }
  if (row === 0 && !node.value.includes("\n")) {
    // A one-line plain or quoted string without escapes appears verbatim after its quote, if any.
    const source = text.slice(node.range[0], node.range[1]);
    const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
    if (source === (quoted ? `${source[0]}${node.value}${source[0]}` : node.value)) {
      return at(node.range[0] + (quoted ? 1 : 0) + index);
    }
  }
  return undefined;
}

/** A locator over `doc`, parsed from `text` with `lineCounter`. */
export function createLocator(doc: Document, lineCounter: LineCounter, text: string): Locator {
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));

  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    // linePos reports line 0 when the text has no newline at all; that is still line 1.
    return p.line === 0 ? { line: 1, col: offset + 1 } : p;
  };

  const walk = (path: readonly PropertyKey[]) => walkPath(doc, path);

  const keyStart = (pair: Pair | undefined): Position | undefined => {
    const start = rangeStart(pair?.key);
    return start === undefined ? undefined : at(start);
  };

  const value = (path: readonly PropertyKey[]): Position => {
    const w = walk(path);
    const start = rangeStart(w.node);
    // An entry written without a value (`ticks:`) has an empty node; its key is the useful place.
    const empty = isScalar(w.node) && w.node.value === null && w.node.range?.[0] === w.node.range?.[1];
    if (w.complete && (start === undefined || empty)) return keyStart(w.pair) ?? { line: 1, col: 1 };
    if (start !== undefined) return at(start);
    return keyStart(w.pair) ?? { line: 1, col: 1 };
  };

  const key = (path: readonly PropertyKey[]): Position => {
    const w = walk(path);
    return (w.complete ? keyStart(w.pair) : undefined) ?? value(path);
  };

  const inString = (path: readonly PropertyKey[], row: number, index: number): Position => {
    const w = walk(path);
    const node = w.node;
    const exact =
      w.complete && isScalar(node) && typeof node.value === "string" && node.range
        ? charInString({ value: node.value, type: node.type, range: node.range }, row, index, text, lines, at)
        : undefined;
    return exact ?? value(path);
  };

  const keysInOrder = (path: readonly PropertyKey[]): string[] | undefined => {
    const w = walk(path);
    const node = isAlias(w.node) ? w.node.resolve(doc) : w.node;
    return w.complete && isMap(node) ? node.items.map((it) => keyText(it.key)) : undefined;
  };

  return { at, value, key, inString, keysInOrder };
}
