#!/usr/bin/env node
/**
 * Takes the README's picture of the default study's report: opens `<results folder>/report.html`
 * in Debian's Chromium at 1280 × 1500 and writes the top of the page to docs/report.png (or the
 * file given second). It refuses a report that logs a console error or requests anything beyond
 * its own file, as the browser test does (test/services/report-browser.test.ts).
 *
 *   npm start                                   (writes results/posture-answer/report.html)
 *   node scripts/report-picture.mjs results/posture-answer
 *
 * Exit codes: 0 written; 1 the page logged an error or made a request; 2 bad arguments or no report.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [dir, out = "docs/report.png"] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: node scripts/report-picture.mjs <results folder> [picture.png]\n");
  process.exit(2);
}
const file = resolve(join(dir, "report.html"));
if (!existsSync(file)) {
  process.stderr.write(`${file}: no report (run pamir report ${dir} first)\n`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  const url = pathToFileURL(file).href;
  page.on("request", (r) => {
    if (r.url() !== url) problems.push(`request beyond the file: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: "load" });
  if (problems.length > 0) {
    process.stderr.write(`${file}: ${problems.join("; ")}\n`);
    process.exitCode = 1;
  } else {
    await page.screenshot({ path: out });
    process.stdout.write(`${out}: the top of ${file}\n`);
  }
} finally {
  await browser.close();
}
