/**
 * The Redis options `pamir study --queue` and `pamir worker` share: the URL, TLS on, a CA file,
 * a password from a file (or PAMIR_REDIS_PASSWORD) so it need not sit in the command line where
 * `ps` shows it, and a key file whose key signs jobs, replies and study metas. The options only:
 * queue-target.ts turns them into a Redis target when the command runs.
 */
import type { Argv } from "yargs";

/** The queue options as yargs gives them. */
export interface QueueArgs {
  queue?: string | undefined;
  tls?: boolean | undefined;
  tlsCa?: string | undefined;
  passwordFile?: string | undefined;
  keyFile?: string | undefined;
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
    })
    .option("key-file", {
      type: "string",
      describe:
        "sign and check jobs, replies and study metas with the key in this file (the same on all sides)",
    });
}
