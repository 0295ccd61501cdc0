/**
 * "The answer in short": on the first screen when flip.json, discover.json or
 * effect-sensitivity.json are in the folder, every number equal to the file's value at the path
 * it names; a flip inside the range said as one; an unreadable file left out with a note; no
 * section without the files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticResults } from "../../../../bench/synthetic-results.js";
import type { RunRow } from "../../../../src/core/run-row.js";
import { buildReport } from "../../../../src/report/build.js";
import { fmt } from "../../../../src/report/html.js";
import { findFlip } from "../../../../src/stats/flip/flip.js";
import { analyseEffect } from "../../../../src/stats/sensitivity/effect.js";
import { at, taggedNumbers, untaggedText } from "../../../support/headline.js";
import { row } from "../../stats/rows.js";

const build = async (dir: string) => {
  const r = await buildReport(dir, { version: "test" });
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};

const headline = (html: string) => /<section id="headline"[\s\S]*?<\/section>/.exec(html)?.[0];

/** 40 samples of a share s and a nuisance z, both postures, 2 seeds: drill − route = −10 + 20 s (+ z/10). */
function rows(): RunRow[] {
  const out: RunRow[] = [];
  for (const [k, posture] of ["drill", "route"].entries())
    for (let i = 0; i < 40; i++) {
      const s = (i + 0.5) / 40;
      const z = ((i * 17) % 40) / 40;
      for (const rep of [0, 1])
        out.push(
          row("nexus", k * 40 + i, rep, {
            factors: { "params.posture": posture, "params.share": s, "params.z": z },
            arm: { posture },
            outcomes: { deaths: posture === "drill" ? 10 + 20 * s + z / 10 + (rep - 0.5) : 20 },
          }),
        );
    }
  return out;
}

const by = { name: "posture", path: "params.posture" };
const arms = ["drill", "route"] as [string, string];
const share = { name: "share", path: "params.share" };

/** flip.json, discover.json and effect-sensitivity.json for `rows()`, written into `dir`. */
function writeMethods(dir: string): void {
  const flip = findFlip(
    rows(),
    { samples: 40, by, arms, along: share, others: [] },
    { outcome: "deaths", direction: "lower-is-better", resamples: 200, seed: 1, bins: 4 },
  );
  if (!flip.ok) throw new Error(flip.problems[0]!.message);
  const ranges = [share, { name: "z", path: "params.z" }];
  const effect = analyseEffect(
    rows(),
    { samples: 40, by, arms, ranges, others: [] },
    { outcome: "deaths", resamples: 200, seed: 1 },
  );
  if (!effect.ok) throw new Error(effect.problems[0]!.message);
  const chosen = {
    step: 3,
    phase: "peel",
    coverage: 0.82,
    density: 0.91,
    mass: 0.45,
    n: 72,
    k: 66,
    restricted: 1,
    limits: { share: [0.0125, 0.49], z: [0, 0.975] },
    rule: "largest coverage × density",
    restrictions: [{ factor: "share", min: 0.0125, max: 0.49, pLower: null, pUpper: 0.001 }],
    unrestricted: ["z"],
  };
  const discover = {
    where: "deaths[posture=drill] < deaths[posture=route]",
    cases: 160,
    casesOfInterest: 80,
    dropped: 0,
    replicates: "separate cases",
    options: { peel: 0.05, paste: 0.05, minSupport: 0.05, objective: "lenient1" },
    factors: [],
    trajectory: [chosen],
    chosen,
  };
  for (const [name, doc] of [
    ["flip.json", flip.value],
    ["effect-sensitivity.json", effect.value],
    ["discover.json", discover],
  ] as const)
    writeFileSync(join(dir, name), JSON.stringify(doc));
}

describe("the answer in short", () => {
  let dir = "";
  let html = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pamir-report-headline-"));
    writeSyntheticResults(dir, { replicates: 2, filler: 0, series: false, sampled: 3 });
    writeMethods(dir);
    html = (await build(dir)).html;
  });

  it("comes before the study's facts, with the robust arm, the flip, the box and the indices", () => {
    const h = headline(html)!;
    expect(html.indexOf('id="headline"')).toBeLessThan(html.indexOf('<dl class="facts">'));
    const flip = JSON.parse(readFileSync(join(dir, "flip.json"), "utf8"));
    expect(flip.inRange).toBe(true);
    expect(h).toMatch(/The advice flips at share = <span/);
    expect(h).toContain(`“${flip.regret.robust}”`);
    expect(h).toContain("coverage <span");
    expect(h).toMatch(/share S1 <span/);
    // The nuisance z moves the effect by a tenth of what the share does: it ranks second.
    expect(h.indexOf("share S1")).toBeLessThan(h.indexOf("z S1"));
  });

  it("shows every number as the file it names holds it at the path it names", () => {
    const nums = taggedNumbers(headline(html)!);
    expect(nums.length).toBeGreaterThanOrEqual(14);
    expect(untaggedText(headline(html)!)).not.toMatch(/\d/);
    for (const [, file, path, value, text] of nums) {
      const v = at(JSON.parse(readFileSync(join(dir, file!), "utf8")), path!);
      expect(typeof v).toBe("number");
      expect(Number(value)).toBe(v);
      expect(text).toBe(fmt(v as number));
    }
  });

  it("leaves out a file it cannot read, with a note, and is absent without the files", async () => {
    const d = mkdtempSync(join(tmpdir(), "pamir-report-headline-"));
    writeSyntheticResults(d, { replicates: 2, filler: 0, series: false, sampled: 3 });
    expect(headline((await build(d)).html)).toBeUndefined();
    writeMethods(d);
    writeFileSync(join(d, "effect-sensitivity.json"), "{ not json");
    const r = await build(d);
    const h = headline(r.html)!;
    expect(h).toContain('id="headline-flip"');
    expect(h).not.toContain('id="headline-sensitivity"');
    expect(r.notes.some((n) => n.includes("effect-sensitivity.json is not readable JSON"))).toBe(true);
  });
});
