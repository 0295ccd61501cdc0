/**
 * Vega-Lite specs → inline SVG, in Node, without a browser or a canvas package: Vega's headless
 * renderer ("none") writes SVG text. The SVG is made fit to inline in one HTML page: namespace
 * URLs dropped (the HTML parser puts <svg> in its namespace; the page must hold no URL at all),
 * ids prefixed (every chart numbers its clip paths from 1, and ids are page-wide), and a <title>
 * added so screen readers and hover name the chart.
 */
import { logger, None, parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { esc } from "../html.js";

/** Make Vega's SVG inline-ready under the page-unique `id`, titled `title`. */
export function inlineSvg(svg: string, id: string, title: string): string {
  const named = svg
    .replace(/\sxmlns(:xlink)?="[^"]*"/g, "")
    .replace(/\sid="([^"]+)"/g, (_, x: string) => ` id="${id}-${x}"`)
    .replace(/url\(#([^)]+)\)/g, (_, x: string) => `url(#${id}-${x})`)
    .replace(/xlink:href="#([^"]+)"/g, (_, x: string) => `href="#${id}-${x}"`);
  return named.replace(
    /^<svg([^>]*)>/,
    (_, a: string) =>
      `<svg${a} role="img" aria-labelledby="${id}-title"><title id="${id}-title">${esc(title)}</title>`,
  );
}

/** Render a Vega-Lite spec to inline SVG; Vega's own warnings are silenced (the specs are ours). */
export async function renderChart(spec: TopLevelSpec, id: string, title: string): Promise<string> {
  const quiet = logger(None);
  const vg = compile(spec, { logger: quiet }).spec;
  const view = new View(parse(vg), { renderer: "none", logLevel: None });
  try {
    return inlineSvg(await view.toSVG(), id, title);
  } finally {
    view.finalize();
  }
}
