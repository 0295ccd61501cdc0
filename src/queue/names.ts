/**
 * Redis names of distributed studies. Everything lives under the key prefix `pamir`; each study
 * has its own BullMQ queue named by its study hash (so two studies, or two versions of one
 * study, never share jobs), a meta key holding what workers need to run it, and an entry in
 * the set of open studies that workers watch. A job is one batch, its id the study hash and the
 * batch index, so adding the same batch twice is a no-op.
 */

/** Prefix of every key pamir writes (BullMQ's `prefix` option and pamir's own keys). */
export const KEY_PREFIX = "pamir";

/** The set of study hashes whose queues workers should serve. */
export const STUDIES_KEY = `${KEY_PREFIX}:studies`;

/** Pub/sub channel told whenever that set changes, so workers join at once rather than at their next look. */
export const STUDIES_CHANNEL = `${KEY_PREFIX}:studies:changed`;

const HASH = /^[0-9a-f]{64}$/;

/** Whether `s` looks like a study hash (64 hex digits). */
export function isStudyHash(s: string): boolean {
  return HASH.test(s);
}

/** The BullMQ queue of study `hash`. */
export function queueName(hash: string): string {
  return `study-${hash}`;
}

/** The key holding study `hash`'s meta (JSON, see payload.ts). */
export function metaKey(hash: string): string {
  return `${KEY_PREFIX}:meta:${hash}`;
}

/** The hash of worker name → why that worker refused study `hash` (read by its coordinator). */
export function refusalsKey(hash: string): string {
  return `${KEY_PREFIX}:refusals:${hash}`;
}

/** The job id of batch `batch` of study `hash`. */
export function jobId(hash: string, batch: number): string {
  return `${hash}-${batch}`;
}

/** The batch index in job id `id` of study `hash`, or −1 when it is not one of that study's ids. */
export function batchOfJobId(hash: string, id: string | undefined): number {
  if (id === undefined || !id.startsWith(`${hash}-`)) return -1;
  const rest = id.slice(hash.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}
