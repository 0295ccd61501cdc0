/** Signed queue documents: only the key's holders can sign; a signature is bound to its kind and place. */
import { describe, expect, it } from "vitest";
import { signatureProblem, signDoc } from "../../../src/queue/sign.js";

const KEY = "k".repeat(32);
const job = {
  format: 2,
  study: "ab".repeat(32),
  batch: 3,
  tasks: [{ index: 6, seed: 7, values: [1, { a: 2 }] }],
};
/** What the other side reads: the document after a trip through Redis (JSON). */
const trip = (x: unknown) => JSON.parse(JSON.stringify(x));

describe("signDoc / signatureProblem", () => {
  it("accepts a document signed with the key after a trip through JSON", () => {
    const signed = signDoc(KEY, "job", "id-3", job);
    expect(signed.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(signatureProblem(KEY, "job", "id-3", trip(signed))).toBeUndefined();
  });

  it("refuses an unsigned, tampered, re-scoped, re-kinded or other-key document", () => {
    const signed = trip(signDoc(KEY, "job", "id-3", job));
    expect(signatureProblem(KEY, "job", "id-3", trip(job))).toBe(
      "the job is not signed (this side has --key-file)",
    );
    const tampered = { ...signed, tasks: [{ ...signed.tasks[0], seed: 8 }] };
    expect(signatureProblem(KEY, "job", "id-3", tampered)).toBe("the job's signature does not match the key");
    expect(signatureProblem(KEY, "job", "id-4", signed)).toMatch(/does not match/);
    expect(signatureProblem(KEY, "reply", "id-3", signed)).toMatch(/does not match/);
    expect(signatureProblem(`${KEY}x`, "job", "id-3", signed)).toMatch(/does not match/);
    expect(signatureProblem(KEY, "job", "id-3", { ...signed, mac: "zz" })).toMatch(/not signed/);
    expect(signatureProblem(KEY, "job", "id-3", "text")).toBe("the job is not a document");
  });

  it("neither signs nor checks without a key", () => {
    expect(signDoc(undefined, "job", "id-3", job)).toBe(job);
    expect(signatureProblem(undefined, "job", "id-3", "anything")).toBeUndefined();
  });
});
