/** `pamir map` end to end: a map file or a scenario naming one becomes a well-formed SVG with every province and crossing. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderSmallMap, smallMapFrame } from "../../src/map/draw/small.js";
import { layerScale } from "../../src/map/draw/values.js";
import { resolveWorld } from "../../src/worlds/resolve.js";
import { pamir, ROOT } from "./cli.js";

const MAP = "scenarios/maps/central-asia.json";
const dir = mkdtempSync(join(tmpdir(), "pamir-map-e2e-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether every tag is closed in order (a small well-formedness check; the SVG has no CDATA or comments). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

describe("pamir map", () => {
  it("draws the map file with one path per province and every crossing marked", () => {
    const out = join(dir, "map.svg");
    const r = pamir("map", MAP, "--svg", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/62 provinces, 25 crossings, 10 roads/);
    const svg = readFileSync(out, "utf8");
    expect(svg.startsWith("<svg xmlns=")).toBe(true);
    expect(balanced(svg)).toBe(true);
    const doc = JSON.parse(readFileSync(join(ROOT, MAP), "utf8")) as { provinces: { iso: string }[] };
    const paths = [...svg.matchAll(/<path id="province-([A-Z]{2}-[A-Z0-9]+)"/g)].map((m) => m[1]);
    expect(paths).toEqual(doc.provinces.map((p) => p.iso));
    expect(svg.match(/class="crossing official"/g)).toHaveLength(21);
    expect(svg.match(/class="crossing informal"/g)).toHaveLength(4);
    expect(svg).toContain("<title>Ishkashim bridge (official, TJ–AF)</title>");
  });

  it("follows a scenario's map: line, relative to the scenario", () => {
    const scenario = join(dir, "s.yaml");
    writeFileSync(scenario, `model: schelling\nmap: ${join(ROOT, MAP)}\n`);
    const out = join(dir, "s.svg");
    expect(pamir("map", scenario, "--svg", out).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('id="province-TJ-GB"');
  });

  it("colours provinces by a metric from a values file", () => {
    const values = join(dir, "v.json");
    writeFileSync(values, JSON.stringify({ seizures: { "TJ-GB": 3, "AF-BDS": 9 } }));
    const out = join(dir, "v.svg");
    const r = pamir("map", MAP, "--svg", out, "--metric", "seizures", "--values", values);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg).toContain("seizures by province");
    // The top value class of the one value scale (viridis), as on the report's maps.
    expect(svg).toMatch(/id="province-AF-BDS"[^>]*fill="#440154"/);
  });

  it("paints provinces exactly as the report's small maps do for the same values", () => {
    const world = resolveWorld({ kind: "file", path: join(ROOT, MAP) });
    if (!world.ok) throw new Error("the shipped map must load");
    const outline = world.world.outline();
    const byIso = Object.fromEntries(outline.provinces.map((p, i) => [p.id!, (i * 104_729) % 5000]));
    const values = join(dir, "all.json");
    writeFileSync(values, JSON.stringify(byIso));
    const out = join(dir, "all.svg");
    expect(pamir("map", MAP, "--svg", out, "--values", values).code).toBe(0);
    const layer = { label: "value", values: outline.provinces.map((p) => byIso[p.id!]) };
    const small = renderSmallMap(smallMapFrame(outline), {
      id: "m",
      title: "t",
      layer,
      scale: layerScale([layer]),
    });
    const paint = (svg: string) =>
      [...svg.matchAll(/class="province"[^>]*fill="([^"]+)"><title>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
    expect(paint(readFileSync(out, "utf8"))).toEqual(paint(small));
    expect(paint(small)).toHaveLength(62);
  });

  it("draws a scenario's ASCII map as cells, and refuses metrics for it", () => {
    const out = join(dir, "valley.svg");
    const r = pamir("map", "scenarios/schelling-valley.yaml", "--svg", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/provinces, \d+ crossing cells \(cell map\)/);
    expect(readFileSync(out, "utf8")).toContain('class="province"');
    const m = pamir("map", "scenarios/schelling-valley.yaml", "--svg", out, "--metric", "legitimacy");
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/--metric and --values need a map file/);
  });

  it("exits 2 with one line on bad input", () => {
    const r = pamir("map", "scenarios/schelling-small.yaml", "--svg", join(dir, "x.svg"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no map or world to draw/);
    const m = pamir("map", MAP, "--svg", join(dir, "y.svg"), "--metric", "nope");
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/--metric must be one of population/);
  });
});
