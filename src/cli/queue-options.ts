/**
 * The Redis options `pamir study --queue` and `pamir worker` share: the URL, TLS on, a CA file,
 * a password from a file (or PAMIR_REDIS_PASSWORD) so it need not sit in the command line where
 * `ps` shows it. Every queue problem (wrong password, unreachable server, a study queued by
 * another pamir version) is a one-line error with exit code 2: it is configuration, not a run.
 */
import { readFileSync } from "node:fs";
import type { Argv } from "yargs";
import type { QueueProblem } from "../queue/connect.js";
import { parseRedisUrl, type RedisTarget } from "../queue/target.js";
import { CliError, EXIT } from "./errors.js";

/** The queue options as yargs gives them. */
export interface QueueArgs {
  queue?: string | undefined;
  tls?: boolean | undefined;
  tlsCa?: string | undefined;
  passwordFile?: string | undefined;
}

/** Add the queue options to a command; `required` for `pamir worker`. */
export function queueOptions<T>(y: Argv<T>, required: boolean) {
  return y
    .option("queue", {
      type: "string",
      demandOption: required,
      describe: "Redis of the job queue: redis://[:password@]host:port[/db] (rediss:// for TLS)",
    })
    .option("tls", { type: "boolean", describe: "connect to Redis over TLS (as rediss:// does)" })
    .option("tls-ca", {
      type: "string",
      describe: "PEM file of the CA that signed the Redis server's certificate",
    })
    .option("password-file", {
      type: "string",
      describe: "read the Redis password from this file (else the URL's, else $PAMIR_REDIS_PASSWORD)",
    });
}

/** Read a small file for an option, or a CliError naming the option. */
function readOption(option: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as { code?: string } | null)?.code;
    throw new CliError(
      `--${option} ${file}: ${code === "ENOENT" ? "file not found" : String(err)}`,
      EXIT.badInput,
    );
  }
}

/** The Redis target the options name (a CliError, exit 2, when they do not make one). */
export function queueTarget(a: QueueArgs & { queue: string }): RedisTarget {
  const fromFile =
    a.passwordFile !== undefined ? readOption("password-file", a.passwordFile).split(/\r?\n/)[0] : undefined;
  const fromEnv = process.env.PAMIR_REDIS_PASSWORD;
  const r = parseRedisUrl(a.queue, {
    tls: a.tls,
    tlsCa: a.tlsCa !== undefined ? readOption("tls-ca", a.tlsCa) : undefined,
    ...(fromFile !== undefined
      ? { password: fromFile, passwordFrom: "file" as const }
      : fromEnv
        ? { password: fromEnv, passwordFrom: "env" as const }
        : {}),
  });
  if (!r.ok) throw new CliError(r.message, EXIT.badInput);
  return r.target;
}

/** The CLI error for a queue problem. */
export function queueError(e: QueueProblem): CliError {
  return new CliError(e.message, EXIT.badInput);
}

/** Whether a failure is a queue problem (and not a results-folder or run one). */
export function isQueueProblem(e: { kind: string }): e is QueueProblem {
  return e.kind === "auth" || e.kind === "unreachable" || e.kind === "server" || e.kind === "meta";
}
