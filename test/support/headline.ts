/**
 * Reading the report's first screen in tests: its numbers are tagged with the results file and
 * JSON path they come from (`<span class="num" data-file data-path data-value>`), and no other
 * number may stand on it. Shared by the unit test of the headline and the e2e test of npm start.
 */

/** Each tagged number of `head`: [match, file, path, value, shown text]. */
export function taggedNumbers(head: string): RegExpMatchArray[] {
  return [
    ...head.matchAll(
      /<span class="num" data-file="([^"]+)" data-path="([^"]+)" data-value="([^"]*)">([^<]*)<\/span>/g,
    ),
  ];
}

/**
 * The text of `head` once the tagged numbers, code (the condition), tags, the confidence level
 * and the index's name are taken out: it must hold no digit.
 */
export function untaggedText(head: string): string {
  return head
    .replace(/<span class="num"[^>]*>[^<]*<\/span>/g, "")
    .replace(/<code>[\s\S]*?<\/code>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/95 %/g, "")
    .replace(/\bS1\b/g, "");
}

/** The value at a dot-separated JSON path (array indexes as numbers). */
export function at(doc: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], doc);
}
