/** The job format on the queue: names, jobs, replies and metas checked; other format versions refused by name. */
import { describe, expect, it } from "vitest";
import { batchOfJobId, isStudyHash, jobId, metaKey, queueName } from "../../../src/queue/names.js";
import { JOB_FORMAT, parseJob, parseMeta, parseReply } from "../../../src/queue/payload.js";
import type { RunTask } from "../../../src/study/run/batch.js";

const HASH = "ab".repeat(32);
const task = (index: number): RunTask => ({
  index,
  id: `s/p0/r${index}`,
  scenario: 0,
  point: 0,
  seed: 7,
  values: [1, { a: 2 }],
});
const job = (extra = {}) => ({
  format: JOB_FORMAT,
  study: HASH,
  batch: 3,
  tasks: [task(6), task(7)],
  ...extra,
});
const record = (index: number) => ({
  index,
  status: "ok",
  durationMs: 1.5,
  ticks: 5,
  outcomes: { x: 1, y: null },
});

describe("queue names", () => {
  it("namespaces the queue and meta by study hash; job ids are hash and batch index", () => {
    expect(queueName(HASH)).toBe(`study-${HASH}`);
    expect(metaKey(HASH)).toBe(`pamir:meta:${HASH}`);
    expect(jobId(HASH, 12)).toBe(`${HASH}-12`);
    expect(batchOfJobId(HASH, jobId(HASH, 12))).toBe(12);
    expect(batchOfJobId(HASH, `${HASH}-012`)).toBe(-1);
    expect(batchOfJobId(HASH, `${"cd".repeat(32)}-1`)).toBe(-1);
    expect(batchOfJobId(HASH, undefined)).toBe(-1);
    expect(isStudyHash(HASH)).toBe(true);
    expect(isStudyHash("abc")).toBe(false);
  });
});

describe("parseJob", () => {
  it("accepts a job of this format for this study", () => {
    const r = parseJob(job(), HASH);
    expect(r).toEqual({ ok: true, value: job() });
  });

  it("refuses another format version by name", () => {
    const r = parseJob(job({ format: 7 }), HASH);
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          kind: "queue",
          path: "",
          message:
            "job is in job format 7, which this pamir does not know (it reads format 2); run the same pamir version on the coordinator and every worker",
          data: { reason: "job" },
        },
      ],
    });
  });

  it("refuses malformed jobs, saying where", () => {
    const bad = (data: unknown) => {
      const r = parseJob(data, HASH);
      return r.ok ? "" : r.problems[0]!.message;
    };
    expect(bad(job({ tasks: [] }))).toMatch(/^job is not a valid pamir job document at tasks: /);
    expect(bad(job({ tasks: [{ ...task(1), seed: -1 }] }))).toMatch(/at tasks\.0\.seed/);
    expect(bad(job({ extra: 1 }))).toMatch(/not a valid pamir job document: .*extra/);
    expect(bad("just text")).toMatch(/not a valid pamir job document/);
    expect(bad(job({ study: "cd".repeat(32) }))).toMatch(
      /belongs to study cdcd.*not to this queue's study abab/,
    );
  });
});

describe("parseReply", () => {
  it("accepts one record per task in task order; null outcomes stay null", () => {
    const r = parseReply({ format: JOB_FORMAT, records: [record(6), record(7)] }, [task(6), task(7)]);
    expect(r.ok && r.value[0]!.outcomes).toEqual({ x: 1, y: null });
  });

  it("carries a failed run's problems, and refuses a problem of an unknown kind", () => {
    const failed = {
      ...record(6),
      status: "failed",
      problems: [{ kind: "run", path: "(setup)", message: "boom", data: { name: "RangeError" } }],
    };
    const r = parseReply({ format: JOB_FORMAT, records: [failed] }, [task(6)]);
    expect(r.ok && r.value[0]!.problems).toEqual(failed.problems);
    const odd = { ...failed, problems: [{ kind: "weird", path: "", message: "?" }] };
    expect(parseReply({ format: JOB_FORMAT, records: [odd] }, [task(6)]).ok).toBe(false);
  });

  it("refuses replies that do not answer the tasks one for one, or are malformed", () => {
    expect(parseReply({ format: JOB_FORMAT, records: [record(7), record(6)] }, [task(6), task(7)]).ok).toBe(
      false,
    );
    expect(parseReply({ format: JOB_FORMAT, records: [record(6)] }, [task(6), task(7)]).ok).toBe(false);
    expect(
      parseReply({ format: JOB_FORMAT, records: [{ ...record(6), status: "maybe" }] }, [task(6)]).ok,
    ).toBe(false);
    expect(parseReply(null, [task(6)]).ok).toBe(false);
    const future = parseReply({ format: 9, records: [] }, []);
    expect(!future.ok && future.problems[0]!.message).toMatch(/^reply is in job format 9/);
  });
});

describe("parseMeta", () => {
  const meta = {
    format: JOB_FORMAT,
    hash: HASH,
    name: "n",
    pamir: "0.1.0",
    git: null,
    planned: 10,
    batchRuns: 2,
    context: { scenarios: [{ key: "s", file: "s.yaml", text: "model: schelling\n" }], paths: [] },
  };

  it("accepts a meta and refuses non-JSON, unknown versions and missing parts", () => {
    expect(parseMeta(JSON.stringify(meta))).toEqual({ ok: true, value: meta });
    expect(parseMeta("{")).toMatchObject({
      ok: false,
      problems: [{ kind: "queue", message: "study meta is not JSON" }],
    });
    const v7 = parseMeta(JSON.stringify({ ...meta, format: 7 }));
    expect(!v7.ok && v7.problems[0]!.message).toMatch(
      /^study meta is in job format 7, which this pamir does not know/,
    );
    const noScenarios = parseMeta(JSON.stringify({ ...meta, context: { scenarios: [], paths: [] } }));
    expect(!noScenarios.ok && noScenarios.problems[0]!.message).toMatch(/at context\.scenarios/);
  });

  // A forged meta: factor paths through a prototype key, prototype keys anywhere, oversized parts.
  it("refuses prototype factor paths and keys, odd scenario keys and unbounded globs, saying where", () => {
    const why = (context: object, extra: object = {}) => {
      const r = parseMeta(JSON.stringify({ ...meta, ...extra, context: { ...meta.context, ...context } }));
      return r.ok ? "" : r.problems[0]!.message;
    };
    for (const path of [
      "__proto__.corruption",
      "params.__proto__.x",
      "params.constructor.prototype.y",
      "seed",
    ])
      expect(why({ paths: ["params.agents", path] }), path).toMatch(
        /at context\.paths\.1: must be "ticks" or a parameter path under "params\." without __proto__/,
      );
    expect(why({ paths: ["ticks", "params.a.0.b"] })).toBe("");
    expect(parseMeta(`{"__proto__": {"x": 1}, ${JSON.stringify(meta).slice(1)}`)).toMatchObject({
      ok: false,
      problems: [
        {
          message:
            "study meta has a prototype key at __proto__ (__proto__, constructor and prototype are refused)",
        },
      ],
    });
    expect(why({ scenarios: [{ key: "../x", file: "s.yaml", text: "" }] })).toMatch(
      /at context\.scenarios\.0\.key/,
    );
    expect(why({ keep: Array(1001).fill("a") })).toMatch(/at context\.keep/);
    expect(why({}, { name: "n".repeat(1001) })).toMatch(/at name/);
  });
});
