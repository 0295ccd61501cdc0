/** Canonical JSON and its SHA-256: the identity of a study, independent of YAML layout and key order. */
import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level (arrays keep their order), so equal data gives equal text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
}

/** Hex SHA-256 of the canonical JSON of `v`. */
export function hashOf(v: unknown): string {
  return createHash("sha256").update(canonicalJson(v), "utf8").digest("hex");
}
