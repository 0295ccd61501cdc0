/**
 * The Redis target the queue options name (queue-options.ts). Every queue problem (wrong
 * password, unreachable server, a study queued by another pamir version) is a one-line error with
 * exit code 2: it is configuration, not a run.
 */
import type { Problem } from "../core/problems.js";
import { readText } from "../core/read-file.js";
import { MIN_KEY_CHARS } from "../queue/sign.js";
import { parseRedisUrl, type RedisTarget } from "../queue/target.js";
import { CliError, EXIT } from "./errors.js";
import { problemsText } from "./problems.js";
import type { QueueArgs } from "./queue-options.js";

/** Read a small file for an option, or a CliError naming the option. */
function readOption(option: string, file: string): string {
  const text = readText(file);
  if (!text.ok) throw new CliError(`--${option} ${file}: ${text.problems[0]!.message}`, EXIT.badInput);
  return text.value;
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
  if (!r.ok) throw new CliError(problemsText(r.problems), EXIT.badInput);
  if (a.keyFile === undefined) return r.target;
  const key = readOption("key-file", a.keyFile).trim();
  if (key.length < MIN_KEY_CHARS)
    throw new CliError(
      `--key-file ${a.keyFile}: the key must be at least ${MIN_KEY_CHARS} characters (e.g. openssl rand -hex 32 > ${a.keyFile})`,
      EXIT.badInput,
    );
  return { ...r.target, key };
}

/** The CLI error for the queue's problems (configuration, exit 2). */
export function queueError(problems: readonly Problem[]): CliError {
  return new CliError(problemsText(problems), EXIT.badInput);
}
