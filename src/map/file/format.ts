/**
 * The map file's text: JSON with one line per table row and per layer, so a rebuild's diff shows
 * which province, crossing or layer changed, and the file stays small. Key order is the object's
 * own, which the build fixes, so equal documents give equal bytes.
 */
import type { MapDocument } from "./document.js";

/** The map document as the text written to disk (ends with a newline). */
export function formatMapDocument(doc: MapDocument): string {
  const lines: string[] = [];
  const keys = Object.keys(doc) as (keyof MapDocument)[];
  keys.forEach((k, i) => {
    const comma = i < keys.length - 1 ? "," : "";
    const v = doc[k];
    if (Array.isArray(v)) {
      lines.push(`  ${JSON.stringify(k)}: [`);
      for (const [j, row] of v.entries())
        lines.push(`    ${JSON.stringify(row)}${j < v.length - 1 ? "," : ""}`);
      lines.push(`  ]${comma}`);
    } else if (k === "layers" || k === "provenance") {
      const entries = Object.entries(v as object);
      lines.push(`  ${JSON.stringify(k)}: {`);
      for (const [j, [name, val]] of entries.entries()) {
        lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(val)}${j < entries.length - 1 ? "," : ""}`);
      }
      lines.push(`  }${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
    }
  });
  return `{\n${lines.join("\n")}\n}\n`;
}
