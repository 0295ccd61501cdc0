/** The study meta: a worker without the study's files runs the same runs, map files included. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { studyMeta, workerContext } from "../../../src/queue/meta.js";
import { JOB_FORMAT, parseMeta } from "../../../src/queue/payload.js";
import { loadStudyText } from "../../../src/study/load.js";
import { openSession } from "../../../src/study/results/session.js";
import { runBatch } from "../../../src/study/run/batch.js";
import { queueBatchRuns } from "../../../src/study/run/batching.js";

const STUDY = `name: Map study
scenario: ${resolve("scenarios/schelling-central-asia.yaml")}
seed: 3
replicates: 2
ticks: 2
factors:
  params.minToBeHappy: { values: [2, 4] }
series: { every: 1, keep: [happy_share] }
`;

describe("study meta", () => {
  const loaded = loadStudyText(STUDY, join(tmpdir(), "map-study.yaml"));
  if (!loaded.ok) throw new Error(loaded.problems.map(problemLine).join("\n"));
  const study = loaded.study;

  it("carries the map file a scenario names, and passes its own schema", () => {
    const made = studyMeta(study, "9.9.9", 5);
    if (!made.ok) throw new Error(made.problems[0]!.message);
    const meta = made.meta;
    const s = meta.context.scenarios[0]!;
    expect(s.map?.given).toBe("maps/central-asia.json");
    expect(s.map?.text).toBe(readFileSync("scenarios/maps/central-asia.json", "utf8"));
    expect(meta).toMatchObject({
      format: JOB_FORMAT,
      hash: study.hash,
      pamir: "9.9.9",
      planned: 4,
      batchRuns: 5,
    });
    expect(meta.context.series).toEqual({ every: 1, keep: ["happy_share"] });
    expect(parseMeta(JSON.stringify(meta))).toEqual({ ok: true, value: meta });
  });

  it("gives a worker a context that runs the same runs, series returned with them", () => {
    const out = mkdtempSync(join(tmpdir(), "pamir-meta-"));
    const open = openSession(study, { out, mode: "auto", version: "t" });
    if (!open.ok) throw new Error(open.problems[0]!.message);
    const s = open.session;
    const tasks = s.tasksIn(0, 4);
    const here = runBatch(s.context, tasks).records;
    s.close();

    const scratch = mkdtempSync(join(tmpdir(), "pamir-scratch-"));
    const made = studyMeta(study, "t", 1);
    if (!made.ok) throw new Error(made.problems[0]!.message);
    const meta = parseMeta(JSON.stringify(made.meta));
    if (!meta.ok) throw new Error(meta.problems[0]!.message);
    const built = workerContext(meta.value, scratch);
    if (!built.ok) throw new Error(built.problems[0]!.message);
    const ctx = built.value;
    const text = ctx.scenarios[0]!.text;
    const copy = /^map: (.+)$/m.exec(text)?.[1];
    expect(copy?.startsWith(scratch)).toBe(true);
    expect(readFileSync(copy!, "utf8")).toBe(readFileSync("scenarios/maps/central-asia.json", "utf8"));
    expect(text).toContain("agents: 2400"); // the rest of the scenario is untouched
    // Another hash, so this thread's cache does not hand back the scenario loaded above.
    const there = runBatch({ ...ctx, hash: "worker" }, tasks).records;
    // Series come back with the records, here and there alike: the session writes them into its parts.
    const strip = (r: (typeof here)[number]) => ({ ...r, durationMs: 0 });
    expect(there.map(strip)).toEqual(here.map(strip));
    expect(here.every((r) => r.status === "ok" && r.series?.id !== undefined)).toBe(true);
  });
});

describe("workerContext: map content by value only", () => {
  const meta = (text: string, map?: { given: string; text: string }) => ({
    format: JOB_FORMAT as typeof JOB_FORMAT,
    hash: "ab".repeat(32),
    name: "m",
    pamir: "t",
    git: null,
    planned: 1,
    batchRuns: 1,
    context: {
      scenarios: [{ key: "s", file: "/elsewhere/s.yaml", text, ...(map ? { map } : {}) }],
      paths: [],
    },
  });
  const scenario = "model: schelling\nparams: { width: 10, height: 10, agents: 40 }\n";

  it("refuses a scenario whose map: names a file the meta does not carry, the same words whether it exists or not", () => {
    const scratch = mkdtempSync(join(tmpdir(), "pamir-scratch-"));
    const said = (file: string) => {
      const r = workerContext(meta(`${scenario}map: ${file}\n`), scratch);
      return r.ok ? "" : r.problems[0]!.message.replace(file, "F");
    };
    expect(said("/etc/hostname")).toBe(
      'scenario s names the map file "F" but does not carry it: a worker never opens a local path',
    );
    expect(said("/no/such/file.json")).toBe(said("/etc/hostname"));
    // Through a YAML alias too: the check reads the parsed value, not the text.
    expect(said("&m /etc/hostname\nname: *m")).toMatch(/names the map file/);
    const other = workerContext(meta(`${scenario}map: a.json\n`, { given: "b.json", text: "{}" }), scratch);
    expect(!other.ok && other.problems[0]!.message).toMatch(
      /names the map file "a\.json" but does not carry it/,
    );
    const extra = workerContext(meta(scenario, { given: "b.json", text: "{}" }), scratch);
    expect(!extra.ok && extra.problems[0]!.message).toMatch(/carries a map file its text does not name/);
    expect(workerContext(meta(scenario), scratch).ok).toBe(true);
  });
});

describe("queueBatchRuns", () => {
  it("aims at ~2 s of work, 64 batches or more, yet ≥ 100 ms of work, ≥ 8 batches, ≤ 1000 runs", () => {
    expect(queueBatchRuns(90, 120)).toBe(2); // 100 ms of work beats spreading over 64
    expect(queueBatchRuns(90, 10)).toBe(1); // at least 8 batches
    expect(queueBatchRuns(1, 4000)).toBe(100);
    expect(queueBatchRuns(0.13, 10_000)).toBe(770);
    expect(queueBatchRuns(0.13, 400)).toBe(50);
    expect(queueBatchRuns(90, 1_000_000)).toBe(22); // 2 s of work
    expect(queueBatchRuns(0.1, 1_000_000)).toBe(1000);
    expect(queueBatchRuns(5000, 1_000_000)).toBe(1);
  });
});
