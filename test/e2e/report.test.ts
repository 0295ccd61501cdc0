/** `pamir report` end to end: a study run by the CLI, its report, options and refusals. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { externalRefs, summaryMismatches, untitledSvgs } from "../unit/report/html-checks.js";
import { pamir, ROOT } from "./cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "pamir-e2e-report-"));

describe("pamir report", () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp();
    const s = pamir("study", "test/fixtures/studies/report-economy.yaml", "--out", dir, "--quiet");
    expect(s.stderr).toBe("");
    expect(s.code).toBe(0);
  });

  it("writes <results-dir>/report.html from a study the CLI ran, and says what it left out", () => {
    const r = pamir("report", dir);
    // 3 replicates per cell: every interval of the comparison table is flagged, and said so.
    expect(r.stderr).toMatch(/^pamir: warning: \d+ intervals rest on fewer than 10 runs \(marked n<10\)\n/);
    expect(r.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("pamir: warning: "))).toEqual([]);
    expect(r.code).toBe(0);
    const out = join(dir, "report.html");
    expect(r.stdout.trim().split("\n").pop()).toMatch(
      new RegExp(`^wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+ kB, 4 charts, 0 maps\\)$`),
    );
    expect(r.stdout).toContain("left out: No maps: the runs have no per-province outcomes");
    const html = readFileSync(out, "utf8");
    expect(externalRefs(html)).toEqual([]);
    expect(html).toContain('<span class="caveat">n&lt;10');
    expect(html).toContain("n&lt;10: the interval rests on fewer than 10 runs");
    expect(untitledSvgs(html)).toEqual([]);
    expect(
      summaryMismatches(html, readFileSync(join(dir, "summary.csv"), "utf8"), "doctrine", "state"),
    ).toEqual([]);
    expect(html).toContain("Does Tajik doctrine matter more than Tajik corruption? (a 30-day test version)");
    expect(html).toMatch(/<p class="lead">If it is not known which state is true, choose doctrine “[a-z-]+”/);
    expect(html).toContain("Heroin delivered, cumulative, by doctrine");
  });

  it("takes --out, --by, --within and --outcome", () => {
    const out = join(tmp(), "r.html");
    const r = pamir(
      "report",
      dir,
      "--out",
      out,
      "--by",
      "state",
      "--within",
      "doctrine",
      "--outcome",
      "seized_kg",
    );
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/choose state “(honest|corrupt)”/);
    expect(html).toContain("<h3>Regret: heroin seized</h3>");
  });

  it("refuses what it cannot do with one line and exit code 2", () => {
    const cases: [string[], RegExp][] = [
      [["report", join(dir, "nope")], /^pamir: no results directory .*nope\n$/],
      [
        ["report", dir, "--by", "weather"],
        /^pamir: --by: no factor "weather" in the study; factors: state, doctrine\n$/,
      ],
      [
        ["report", dir, "--outcome", "produced_kg"],
        /^pamir: --outcome produced_kg: say which way it is good/,
      ],
      [["report", dir, "--lower-is-better", "--higher-is-better"], /exclude each other/],
    ];
    for (const [args, err] of cases) {
      const r = pamir(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(err);
    }
    expect(existsSync(join(dir, "nope"))).toBe(false);
  });

  it("plots the sampled factor of an LHS study", () => {
    const lhs = tmp();
    expect(pamir("study", "test/fixtures/studies/tiny.yaml", "--out", lhs, "--quiet").code).toBe(0);
    const r = pamir("report", lhs);
    expect(r.code).toBe(0);
    const html = readFileSync(join(lhs, "report.html"), "utf8");
    const scatter = /<section id="scatter">[\s\S]*?<\/section>/.exec(html)![0];
    expect(scatter).toContain("happy_share against params.minToBeHappy");
    expect(externalRefs(html)).toEqual([]);
  });

  it("draws the Sobol indices of pamir sensitivity and the box of pamir discover once they have run", () => {
    const work = tmp();
    const file = join(work, "study.yaml");
    const x = [1, 2, 3].map((i) => `  params.x${i}: { name: x${i}, min: -3.14159, max: 3.14159 }\n`).join("");
    const scenario = join(ROOT, "scenarios/test-functions/ishigami.yaml");
    writeFileSync(file, `name: e2e\nscenario: ${scenario}\ndesign: saltelli\nsamples: 64\nfactors:\n${x}`);
    const out = join(work, "out");
    expect(pamir("study", file, "--out", out, "--quiet").code).toBe(0);
    const section = (html: string, id: string) =>
      new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(html)?.[0];
    const before = pamir("report", out);
    expect(before.code).toBe(0);
    const plain = readFileSync(join(out, "report.html"), "utf8");
    expect(section(plain, "sensitivity")).toBeUndefined();
    expect(section(plain, "discovery")).toBeUndefined();
    expect(plain).toMatch(/<dt>Design<\/dt><dd>Saltelli \(for Sobol indices\): N = 64 base rows/);

    expect(pamir("sensitivity", out, "--bootstrap", "100").code).toBe(0);
    expect(pamir("discover", out, "--where", "y > 5").code).toBe(0);
    const r = pamir("report", out);
    expect(r.stderr).toBe("");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(untitledSvgs(html)).toEqual([]);
    const sens = section(html, "sensitivity")!;
    const indices = JSON.parse(readFileSync(join(out, "sensitivity.json"), "utf8")).results[0].sobol;
    for (const f of indices) {
      const row = new RegExp(`<tr[^>]*data-factor="${f.factor}"[^>]*>([\\s\\S]*?)</tr>`).exec(sens)![1]!;
      const shown = [...row.matchAll(/data-value="([^"]*)"/g)].map((m) => Number(m[1]));
      expect(shown).toEqual([f.s1.value, f.st.value]);
    }
    const box = JSON.parse(readFileSync(join(out, "discover.json"), "utf8")).chosen;
    const disc = section(html, "discovery")!;
    expect(disc).toContain(
      `data-step="${box.step}" data-coverage="${box.coverage}" data-density="${box.density}"`,
    );
    for (const q of box.restrictions)
      expect(disc).toContain(`<tr class="restricted" data-factor="${q.factor}">`);
    expect(r.stdout).toMatch(/\(\d+ kB, \d+ charts, 0 maps\)/);
  });
});
