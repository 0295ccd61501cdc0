/** The HTML page around the sections: one file, CSS inline, no scripts and nothing to fetch. */
import { esc } from "./html.js";
import { CSS } from "./style.js";

/** The whole document. */
export function page(title: string, generator: string, body: string): string {
  return [
    "<!doctype html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="${esc(generator)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
