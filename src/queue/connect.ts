/**
 * Connecting to the queue's Redis. Before anything else (touching a results folder, starting a
 * pool) a coordinator or worker connects once without retries, so a wrong password or an
 * unreachable server is one clear error instead of ioredis retrying forever in the background.
 * After that check, connections retry and commands wait for reconnection (what BullMQ needs).
 */
import { Redis } from "ioredis";
import { type Failure, failure, problem } from "../core/problems.js";
import type { RedisTarget } from "./target.js";

/** The oldest Redis BullMQ runs on. */
const MIN_REDIS_MAJOR = 5;

/**
 * A long-lived connection to `target` that reconnects and never fails a command for being
 * offline. Connection errors go to `onError` (each different message once in a row), never to
 * ioredis's "Unhandled error event" printout.
 */
export function connectRedis(
  target: RedisTarget,
  name: string,
  onError: (message: string) => void = () => {},
): Redis {
  const r = new Redis({ ...target.options, connectionName: name, maxRetriesPerRequest: null });
  let last = "";
  r.on("error", (e: Error) => {
    if (e.message !== last) onError(e.message);
    last = e.message;
  });
  r.on("ready", () => {
    last = "";
  });
  return r;
}

/** BullMQ connection options for `target` (BullMQ makes its own connections from them). */
export function bullConnection(target: RedisTarget): Record<string, unknown> {
  return { ...target.options, maxRetriesPerRequest: null };
}

/** The first line of an error message (Redis replies and socket errors are one line anyway). */
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0]!;

/** Connect once to `target` and check the password and the server version. */
export async function checkRedis(
  target: RedisTarget,
  timeoutMs = 5000,
): Promise<{ ok: true; version: string } | Failure> {
  const r = new Redis({
    ...target.options,
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
  });
  // ioredis reports the real cause (WRONGPASS, ECONNREFUSED, …) as an event; connect() only says "closed".
  let last: unknown;
  r.on("error", (e) => {
    last = e;
  });
  const at = target.display;
  try {
    await r.connect();
    const info = await r.info("server");
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? "unknown";
    const major = Number(version.split(".")[0]);
    if (Number.isFinite(major) && major < MIN_REDIS_MAJOR)
      return queueFailure("server", `${at} runs Redis ${version}; BullMQ needs ${MIN_REDIS_MAJOR} or later`);
    return { ok: true, version };
  } catch (err) {
    const why = firstLine(last ?? err);
    if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(why))
      return queueFailure(
        "auth",
        `${at}: authentication failed (${why.replace(/\.$/, "")}); check the password (in the URL, --password-file or PAMIR_REDIS_PASSWORD)`,
      );
    return queueFailure("unreachable", `${at}: cannot connect (${why})`);
  } finally {
    r.disconnect();
  }
}

/** Whether `host` names this machine's loopback (where only local processes can reach Redis). */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Whether the Redis at `target` answers a client that gives no credentials at all (a server
 * without `requirepass` or ACLs: anyone who reaches it can queue jobs and forge replies). Asked
 * with a connection of its own, since a password given to such a server is accepted too.
 */
export async function acceptsAnyone(target: RedisTarget, timeoutMs = 5000): Promise<boolean> {
  const { password: _p, username: _u, ...anonymous } = target.options;
  const r = new Redis({
    ...anonymous,
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
  });
  r.on("error", () => {});
  try {
    await r.connect();
    return (await r.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** A `queue` failure for `reason`; auth, unreachable and server are configuration errors. */
export function queueFailure(reason: "auth" | "unreachable" | "server" | "meta", message: string): Failure {
  return failure(problem("queue", "", message, { reason }));
}
