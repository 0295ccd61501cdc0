/**
 * The report's style sheet, inlined in the page: system fonts (nothing to fetch), tabular
 * figures in tables, small multiples that reflow from four maps a row on a laptop to one on a
 * phone, and print rules (sections on new pages, nothing split across pages, colours kept).
 */
export const CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #d4d4d4; --accent: #0072B2; --best: #e3eef7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .6rem; }
h2 { font-size: 1.45rem; margin: 2.4rem 0 .8rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
code { font-size: .9em; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: var(--muted); margin: 0; }
.question { font-size: 1.15rem; max-width: 62em; }
.lead { font-size: 1.12rem; font-weight: 600; border-left: 4px solid var(--accent); padding: .5rem .9rem; background: #f1f7fc; max-width: 62em; }
#headline { border: 2px solid var(--accent); padding: .2rem 1rem .6rem; margin: 1rem 0; max-width: 66em; }
#headline h2 { margin: .6rem 0 .4rem; border-bottom: none; font-size: 1.25rem; }
ol.headline { padding-left: 1.3rem; margin: .4rem 0; }
ol.headline li { margin: .35rem 0; }
ol.headline .num { font-variant-numeric: tabular-nums; font-weight: 600; }
.note { background: #fff6df; border-left: 4px solid #E69F00; padding: .3rem .7rem; max-width: 62em; }
.small { font-size: .88rem; color: var(--muted); max-width: 62em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.1rem; }
nav ol { display: flex; flex-wrap: wrap; gap: .3rem 1.8rem; padding-left: 1.2rem; }
a { color: var(--accent); }
.table-wrap { overflow-x: auto; margin: .6rem 0 1rem; }
table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-size: .88rem; color: var(--muted); padding-bottom: .4rem; max-width: 62em; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
td { text-align: right; white-space: nowrap; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
td .ci { display: block; font-size: .8rem; color: var(--muted); font-weight: normal; }
td .caveat { display: block; font-size: .75rem; color: #b2182b; font-weight: normal; }
td.best { background: var(--best); font-weight: 700; }
tr.group-start > * { border-top: 2px solid #999; }
th.outcome { max-width: 16em; }
th.outcome .way { display: block; font-weight: normal; font-size: .78rem; color: var(--muted); }
tr.robust > * { background: var(--best); font-weight: 700; }
figure { margin: 1rem 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 0 24px; }
.chart-grid figure { margin: .6rem 0; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px 16px; }
figure.map { margin: 0; }
figure.map svg { display: block; width: 100%; height: auto; background: #f2f2f2; }
figure.map figcaption { font-size: .88rem; font-weight: 600; text-align: center; }
svg.legend { display: block; max-width: 100%; height: auto; }
table.summary { font-size: .8rem; }
pre.manifest { font-size: .78rem; background: #f6f6f6; padding: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
@media (max-width: 700px) { main { padding: 12px; } dl.facts { grid-template-columns: 1fr; } }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-before: page; }
  #answer h2, #headline h2 { break-before: auto; }
  h2, h3 { break-after: avoid; }
  figure, tr, .lead, svg.legend { break-inside: avoid; }
  .multiples { grid-template-columns: repeat(4, 1fr); }
  .table-wrap { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 14mm; }
}
`;
