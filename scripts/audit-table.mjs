#!/usr/bin/env node
/**
 * The switch-audit table of docs/model.md from two `pamir audit` result folders: one row per
 * contrast (switch, its arms and any `given` setting), and for each folder the outcomes it moved
 * beyond their 95 % interval, whether one survives Bonferroni, and its top outcome (the first of
 * the audit's ranking) with the paired difference and interval. Prints aligned Markdown.
 *
 *   node scripts/audit-table.mjs DIR_A "label A" DIR_B "label B"
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [dirA, labelA, dirB, labelB] = process.argv.slice(2);
if (!dirA || !labelA || !dirB || !labelB) {
  console.error('usage: node scripts/audit-table.mjs DIR_A "label A" DIR_B "label B"');
  process.exit(2);
}

/** The audit.json of a results folder. */
const load = (dir) => JSON.parse(readFileSync(join(dir, "audit.json"), "utf8"));

/** A number with four significant digits, in exponent form when very large or small. */
function fmt(x) {
  if (x === null || x === undefined) return "—";
  if (typeof x === "string") return x;
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return x.toExponential(2).replace(/e\+?/, "e+").replace("e+-", "e-");
  return String(Number(x.toPrecision(4)));
}

/** A contrast's arms as the row label: "a vs b", with its given setting if any. */
function arms(c) {
  const v = (x) =>
    typeof x === "number" ? fmt(x) : JSON.stringify(x).replaceAll(",", ", ").replaceAll(":", ": ");
  const given = c.given ? ` (given \`${c.given.path}\` = ${v(c.given.value)})` : "";
  return `${v(c.a)} vs ${v(c.b)}${given}`;
}

/**
 * A contrast's key: the switch and its given setting, so both folders' rows pair up. The two
 * scenarios may hold a switch at different ends (the posture), so the arms are not part of it.
 */
const key = (c) => `${c.switch}|${c.given ? JSON.stringify(c.given) : ""}`;

/** Whether `c` runs its arms the other way round from `ref` (b vs a). */
const swapped = (c, ref) => JSON.stringify([c.a, c.b]) === JSON.stringify([ref.b, ref.a]);

/**
 * The moved and top-outcome cells of one contrast (or dashes when the folder lacks it); `flip`
 * turns a b − a difference into the row's a − b.
 */
function cells(c, flip = false) {
  if (!c) return ["—", "—"];
  const moved = `${c.moved}/${c.outcomes} (${c.movesFamilywise ? "yes" : "no"})`;
  const top = c.effects[0];
  if (c.moved === 0 || !top) return [moved, "nothing"];
  const [d, lo, hi] = flip ? [-top.diff, -top.ciHigh, -top.ciLow] : [top.diff, top.ciLow, top.ciHigh];
  return [moved, `\`${top.outcome}\` ${fmt(d)} [${fmt(lo)}, ${fmt(hi)}]`];
}

const a = load(dirA);
const b = load(dirB);
const byKeyB = new Map(b.contrasts.map((c) => [key(c), c]));
const rows = a.contrasts.map((c) => {
  const other = byKeyB.get(key(c));
  return [`\`${c.switch}\``, arms(c), ...cells(c), ...cells(other, other !== undefined && swapped(other, c))];
});
const seen = new Set(a.contrasts.map(key));
for (const c of b.contrasts)
  if (!seen.has(key(c))) rows.push([`\`${c.switch}\``, arms(c), ...cells(undefined), ...cells(c)]);

const header = [
  "switch",
  "a vs b",
  `${labelA}: moved (Bonferroni)`,
  "top outcome (a − b, 95 %)",
  `${labelB}: moved (Bonferroni)`,
  "top outcome (a − b, 95 %)",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
console.log(line(header));
console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
for (const r of rows) console.log(line(r));
