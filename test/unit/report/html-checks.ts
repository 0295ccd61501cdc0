/** Checks on a built report's HTML shared by the unit, end-to-end and browser tests. */
import { fmt } from "../../../src/report/html.js";

/** Parse CSV text (RFC 4180: quoted cells, doubled quotes) into records keyed by header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

const unesc = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** One cell of the comparison table as the HTML holds it. */
export interface CompareCell {
  attrs: Record<string, string>;
  mean: string;
  ci: string | undefined;
  /** The marks of an interval to read with care ("n<10", "<0"), if any. */
  caveat: string | undefined;
}

/** Every cell of the comparison table. */
export function compareCells(html: string): CompareCell[] {
  const table = /<table class="compare">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
  const cells: CompareCell[] = [];
  for (const m of table.matchAll(
    /<td((?: [a-z-]+="[^"]*")+)><span class="mean">([^<]*)<\/span>(?:<span class="ci">([^<]*)<\/span>)?(?:<span class="caveat">([^<]*)<\/span>)?<\/td>/g,
  )) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/ ([a-z-]+)="([^"]*)"/g)) attrs[a[1]!] = unesc(a[2]!);
    const caveat = m[4] === undefined ? undefined : unesc(m[4]);
    cells.push({ attrs, mean: unesc(m[2]!), ci: m[3] === undefined ? undefined : unesc(m[3]), caveat });
  }
  return cells;
}

/**
 * Mismatches between the comparison table and summary.csv, where every cell is one design point:
 * the exact values in data-* must be the CSV's strings, the shown text their display form.
 */
export function summaryMismatches(html: string, csv: string, by: string, within: string): string[] {
  const rows = parseCsv(csv);
  const bad: string[] = [];
  const cells = compareCells(html);
  if (cells.length === 0) bad.push("no comparison cells");
  for (const c of cells) {
    const { "data-outcome": outcome, "data-level": level, "data-arm": arm } = c.attrs;
    const hits = rows.filter((r) => r.outcome === outcome && r[within] === level && r[by] === arm);
    if (hits.length !== 1) {
      bad.push(`${outcome} ${level} ${arm}: ${hits.length} summary rows`);
      continue;
    }
    const r = hits[0]!;
    const want = {
      "data-mean": r.mean,
      "data-ci-low": r.ci95_low,
      "data-ci-high": r.ci95_high,
      "data-n": r.n,
    };
    for (const [k, v] of Object.entries(want)) {
      if (c.attrs[k] !== v) bad.push(`${outcome} ${level} ${arm} ${k}: ${c.attrs[k]} ≠ ${v}`);
    }
    if (c.mean !== fmt(Number(r.mean))) bad.push(`${outcome} ${level} ${arm} shown ${c.mean} for ${r.mean}`);
    if (r.ci95_low !== "" && c.ci !== `${fmt(Number(r.ci95_low))} – ${fmt(Number(r.ci95_high))}`) {
      bad.push(`${outcome} ${level} ${arm} interval shown ${c.ci}`);
    }
    // An interval from fewer than 10 runs is marked; one from 10 or more is not.
    const few = r.ci95_low !== "" && Number(r.n) < 10;
    if (few !== (c.caveat?.split(" ").includes("n<10") ?? false))
      bad.push(`${outcome} ${level} ${arm} n = ${r.n} marked "${c.caveat ?? ""}"`);
  }
  return bad;
}

/** Anything in the page that would make a browser fetch or link outside the file. */
export function externalRefs(html: string): string[] {
  const out = [...html.matchAll(/https?:\/\/[^\s"'<>]*/gi)].map((m) => m[0]);
  for (const m of html.matchAll(/\b(src|href|srcset|action|poster|data)\s*=\s*"([^"]*)"/gi)) {
    if (m[1]!.toLowerCase() === "href" && m[2]!.startsWith("#")) continue;
    out.push(m[0]);
  }
  if (/url\((?!#)/.test(html)) out.push("CSS url() to something other than #id");
  if (/@import|<script|<link|<iframe|<img/i.test(html)) out.push("script, link, iframe, img or @import");
  return out;
}

/** Inline <svg> elements whose first child is not a <title> with text. */
export function untitledSvgs(html: string): string[] {
  return [...html.matchAll(/<svg\b[^>]*>(?!<title[^>]*>[^<]+<\/title>)/g)].map((m) => m[0].slice(0, 80));
}
