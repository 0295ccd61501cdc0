/**
 * The report in a real browser (Debian chromium through playwright-core): it loads from disk
 * with no request beyond the file and no console error, every map and chart has a size, the
 * page fits a laptop screen, prints to PDF, and screenshots are kept in results/. Tests leave tracked
 * files alone; the README's picture (docs/report.png) is taken from the report `npm start` writes by
 * scripts/report-picture.mjs.
 */
import { mkdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticResults } from "../../bench/synthetic-results.js";
import { pamir, ROOT } from "../e2e/cli.js";

const SHOTS = join(ROOT, "results");
// A real-map study small enough for a test: three postures × two motives, 20 seeds (120 runs).
const REAL_MAP_STUDY = "scenarios/studies/magnitudes.yaml";

let browser: Browser;

/** Open a report at laptop size, recording console errors, page errors and every request. */
async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, errors, requests };
}

/** Width and height of every map and chart as laid out. */
function sizes(page: Page, selector: string): Promise<{ w: number; h: number }[]> {
  return page.$$eval(selector, (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { w: r.width, h: r.height };
    }),
  );
}

/** Whether the page fits its window's width (nothing scrolls sideways); a string runs in the page, where the DOM is. */
async function fitsWidth(page: Page): Promise<boolean> {
  return (await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")) === true;
}

/**
 * Build a report with the CLI; returns its path. Its stderr may hold warnings (a real study's
 * intervals can reach below 0 for counts that are never negative, and the report says so), never
 * anything else.
 */
function report(dir: string): string {
  const r = pamir("report", dir);
  const other = r.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("pamir: warning: "));
  expect(other).toEqual([]);
  expect(r.code).toBe(0);
  return join(dir, "report.html");
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("the report in chromium", () => {
  it("shows the drill-vs-route report with every map and chart laid out, fetching nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-browser-nexus-"));
    writeSyntheticResults(dir, { replicates: 10, filler: 10 });
    const file = report(dir);
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    const maps = await sizes(page, "figure.map svg");
    const charts = await sizes(page, "figure.chart svg");
    expect(maps).toHaveLength(20);
    expect(charts).toHaveLength(18);
    for (const s of [...maps, ...charts]) {
      expect(s.w).toBeGreaterThan(100);
      expect(s.h).toBeGreaterThan(50);
    }
    // Readable at laptop width: nothing makes the page scroll sideways.
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: join(SHOTS, "report-browser-nexus.png"), fullPage: true });
    await page.close();
  });

  it("shows a real-map study's report (the magnitudes study), prints it, and keeps its screenshot", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-browser-default-"));
    const s = pamir("study", REAL_MAP_STUDY, "--out", dir, "--quiet");
    expect(s.code).toBe(0);
    const file = report(dir);
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    const charts = await sizes(page, "figure.chart svg");
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const c of charts) expect(c.w * c.h).toBeGreaterThan(0);
    const maps = await sizes(page, "figure.map svg");
    expect(maps.length).toBeGreaterThanOrEqual(4);
    for (const m of maps) expect(m.w * m.h).toBeGreaterThan(0);
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: join(SHOTS, "report-browser-default.png"), fullPage: true });
    await page.screenshot({ path: join(SHOTS, "report-browser-default-top.png") });
    const pdf = join(SHOTS, "report-browser-default.pdf");
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: pdf, format: "A4" });
    expect(statSync(pdf).size).toBeGreaterThan(20_000);
    await page.close();
  });
});
