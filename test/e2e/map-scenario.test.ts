/**
 * A scenario on the real map end to end: `map: maps/central-asia.json` validates, runs a
 * map-reading model (Schelling) on the map's provinces, draws as SVG, and a bad map path is one
 * located line with exit code 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const SCENARIO = "scenarios/schelling-central-asia.yaml";
const dir = mkdtempSync(join(tmpdir(), "pamir-map-scenario-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a scenario with map: maps/central-asia.json", () => {
  it("validates", () => {
    const r = pamir("validate", SCENARIO);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`${SCENARIO}: ok (model schelling, 20 ticks)`);
  });

  it("runs Schelling on the map's 3,510 province cells", () => {
    const r = pamir("run", SCENARIO, "--json", "--ticks", "3");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { outcomes: Record<string, number>; ticks: number };
    expect(doc.ticks).toBe(3);
    expect(doc.outcomes.agents).toBe(2400);
    expect(doc.outcomes.happy_share).toBeGreaterThan(0);
    // More residents than the provinces' free cells: refused by the model's check, against the map.
    const crowded = join(dir, "crowded.yaml");
    writeFileSync(
      crowded,
      `model: schelling\nmap: ${join(ROOT, "scenarios/maps/central-asia.json")}\nparams:\n  agents: 3600\n`,
    );
    const c = pamir("run", crowded);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`${crowded}:4:11  params.agents  must be ≤ 3510, the free cells of the grid`);
  });

  it("draws as an SVG with one path per province and the crossings marked", () => {
    const out = join(dir, "out.svg");
    const r = pamir("map", SCENARIO, "--svg", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/62 provinces, 25 crossings/);
    const svg = readFileSync(out, "utf8");
    expect(svg.startsWith("<svg xmlns=")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    const doc = JSON.parse(readFileSync(join(ROOT, "scenarios/maps/central-asia.json"), "utf8")) as {
      provinces: { iso: string }[];
      markets: { id: string }[];
    };
    const paths = [...svg.matchAll(/<path id="province-([A-Z]{2}-[A-Z0-9]+)"/g)].map((m) => m[1]);
    expect(paths).toEqual(doc.provinces.map((p) => p.iso));
    expect(svg.match(/class="crossing (official|informal)"/g)).toHaveLength(25);
    expect(svg).toContain("Irkeshtam");
    // City markets (id = a province code) are rings; sinks are exits at the edge.
    const cities = doc.markets.filter((m) => m.id.includes("-")).length;
    expect(cities).toBe(3);
    expect(svg.match(/class="market city"/g)).toHaveLength(cities);
    expect(svg.match(/class="market sink"/g)).toHaveLength(3); // two Russian exits, Kashgar
  });

  it("reports a map file that is not there at map, naming the path, exit 2", () => {
    const s = join(dir, "missing.yaml");
    writeFileSync(s, "model: schelling\nmap: maps/central-asia.jsn.json\n");
    for (const cmd of ["validate", "run"]) {
      const r = pamir(cmd, s);
      expect(r.code, cmd).toBe(2);
      expect(r.stderr, cmd).toContain(
        `${s}:2:1  map  "maps/central-asia.jsn.json": file not found (looked for ${join(dir, "maps", "central-asia.jsn.json")})`,
      );
    }
  });
});

describe("pamir map on a scenario that names a world", () => {
  it("draws the corridor world of scenarios/route-control.yaml: one path per province, every crossing cell marked", () => {
    const out = join(dir, "route.svg");
    const r = pamir("map", "scenarios/route-control.yaml", "--svg", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg.startsWith("<svg xmlns=")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    const provinces = [...svg.matchAll(/<path class="province"[^>]*><title>([^<(]+?)(?: \(|<)/g)].map(
      (m) => m[1],
    );
    expect(new Set(provinces).size).toBe(provinces.length);
    expect(provinces).toContain("GBAO");
    expect(provinces).toContain("Badakhshan");
    const crossings = svg.match(/class="crossing (official|informal)"/g) ?? [];
    expect(r.stdout).toBe(
      `${out}: ${provinces.length} provinces, ${crossings.length} crossing cells (cell map)\n`,
    );
    expect(svg).toMatch(/class="crossing informal"/);
    expect(svg).toMatch(/class="crossing official"/);
  });

  it("draws the real map for params.world: central-asia", () => {
    const out = join(dir, "ca.svg");
    const r = pamir("map", "scenarios/central-asia-route-control.yaml", "--svg", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/62 provinces, 25 crossings/);
  });

  it("refuses a scenario with neither map nor world (exit 2)", () => {
    const r = pamir("map", "scenarios/schelling-small.yaml", "--svg", join(dir, "none.svg"));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pamir: scenarios/schelling-small.yaml: has no map or world to draw\n");
  });
});
