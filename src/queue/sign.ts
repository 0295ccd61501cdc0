/**
 * Jobs, replies and study metas signed with a key shared by the coordinator and its workers
 * (`--key-file`): an HMAC-SHA256 over the document's JSON, bound to what it is (meta, job or
 * reply) and to where it belongs (the study hash, or the job id), so that only holders of the key
 * can queue work for a worker or answer for one, and a signed document cannot be replayed
 * elsewhere. Without a key nothing is signed or checked (then Redis's password is the boundary).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** What a signature vouches for. */
export type SignedKind = "meta" | "job" | "reply";

const HEX_MAC = /^[0-9a-f]{64}$/;

function macOf(key: string, kind: SignedKind, scope: string, body: string): string {
  return createHmac("sha256", key).update(`pamir ${kind}\n${scope}\n${body}`).digest("hex");
}

/** `doc` with its `mac` under `key` (unchanged when there is no key). */
export function signDoc<T extends object>(
  key: string | undefined,
  kind: SignedKind,
  scope: string,
  doc: T,
): T & { mac?: string } {
  return key === undefined ? doc : { ...doc, mac: macOf(key, kind, scope, JSON.stringify(doc)) };
}

/**
 * Why `raw` (a document as read from Redis, before any other parsing) does not carry a valid
 * signature under `key` for `kind` at `scope`, or undefined when it does or there is no key.
 */
export function signatureProblem(
  key: string | undefined,
  kind: SignedKind,
  scope: string,
  raw: unknown,
): string | undefined {
  if (key === undefined) return undefined;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return `the ${kind} is not a document`;
  const { mac, ...rest } = raw as { mac?: unknown };
  if (typeof mac !== "string" || !HEX_MAC.test(mac))
    return `the ${kind} is not signed (this side has --key-file)`;
  const want = Buffer.from(macOf(key, kind, scope, JSON.stringify(rest)), "hex");
  return timingSafeEqual(want, Buffer.from(mac, "hex"))
    ? undefined
    : `the ${kind}'s signature does not match the key`;
}

/** The smallest key accepted, in characters. */
export const MIN_KEY_CHARS = 16;
