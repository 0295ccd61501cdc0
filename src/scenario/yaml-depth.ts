/**
 * How deep a YAML text nests, measured on the parser's concrete syntax tree with an explicit
 * stack: building the document, converting it and validating it all recurse once per level, so
 * a file nested 20 000 deep (40 KB of brackets) would exhaust the stack there. The loader refuses
 * such a file before any of them runs.
 */
import { type CST, Parser } from "yaml";

/** Most nesting levels a scenario or study file may have (real files use fewer than 10). */
export const MAX_YAML_DEPTH = 64;

const COLLECTIONS = new Set(["block-map", "block-seq", "flow-collection"]);

/** Children of a CST token that may hold collections. */
function children(token: CST.Token): (CST.Token | undefined)[] {
  if (token.type === "document") return [token.value];
  if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection")
    return token.items.flatMap((it) => ("key" in it ? [it.key ?? undefined, it.value] : [it.value]));
  return [];
}

/** The text offset of the first collection nested deeper than `max`, or −1 when none is. */
export function tooDeepAt(text: string, max = MAX_YAML_DEPTH): number {
  for (const top of new Parser().parse(text)) {
    const stack: [CST.Token, number][] = [[top, 0]];
    while (stack.length > 0) {
      const [token, depth] = stack.pop()!;
      if (depth > max) return token.offset;
      for (const child of children(token)) {
        if (child) stack.push([child, COLLECTIONS.has(child.type) ? depth + 1 : depth]);
      }
    }
  }
  return -1;
}
