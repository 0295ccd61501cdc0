/** The printed form of an audit: per switch, the outcomes it moves most (all of them are in audit.csv). */
import type { AuditResult } from "../../study/audit/run.js";
import { formatNumber, renderTable } from "../table.js";

/** Outcomes shown per switch in the printed table (all are in audit.csv). */
const SHOWN = 3;

/** A switch value for people: numbers as the CLI's tables print them, anything else as JSON or text. */
export const valueText = (v: unknown) =>
  typeof v === "number"
    ? formatNumber(v)
    : typeof v === "object" && v !== null
      ? JSON.stringify(v)
      : String(v);
const dz = (x: number) => formatNumber(x, { digits: 3 });

/** A contrast's held setting for people: ` (given path = value)`, or nothing. */
export const givenText = (g: { path: string; value: unknown } | undefined) =>
  g ? ` (given ${g.path} = ${valueText(g.value)})` : "";

/** The printed table: per contrast, the outcomes it moves most (or "moves nothing"). */
export function auditTable(r: AuditResult): string {
  const rows: string[][] = [];
  for (const c of r.contrasts) {
    const arms = `${valueText(c.contrast.a)} vs ${valueText(c.contrast.b)}${givenText(c.contrast.given)}`;
    const head = [
      c.contrast.switch.path,
      arms,
      `${c.moved}/${c.effects.length}`,
      c.familywise ? "yes" : "no",
    ];
    const shown = c.effects.filter((e) => e.moved).slice(0, SHOWN);
    if (shown.length === 0) rows.push([...head, "(moves nothing)", "", "", ""]);
    shown.forEach((e, i) => {
      rows.push([
        ...(i === 0 ? head : ["", "", "", ""]),
        e.outcome,
        formatNumber(e.diff),
        `[${formatNumber(e.ciLow)}, ${formatNumber(e.ciHigh)}]`,
        dz(e.effect),
      ]);
    });
  }
  const header = ["switch", "a vs b", "moved", "bonferroni", "outcome", "a − b", "95 % interval", "d_z"];
  return renderTable(header, rows);
}

/**
 * One line per switch that moved nothing and whose declaration says when it cannot (its `note`):
 * so a reader can tell a claim with nothing to act on in this scenario from a broken switch.
 */
export function deadSwitchNotes(r: AuditResult): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const c of r.contrasts) {
    const { path, note } = c.contrast.switch;
    if (c.moved > 0 || c.contrast.given || note === undefined || seen.has(path)) continue;
    seen.add(path);
    const held = r.contrasts.find((h) => h.contrast.switch === c.contrast.switch && h.contrast.given);
    const then = held
      ? ` Given ${held.contrast.given!.path} = ${valueText(held.contrast.given!.value)}, it moved ${held.moved}.`
      : "";
    lines.push(`${path} moved nothing here. ${note}${then}`);
  }
  return lines;
}
