/**
 * Where the queue lives: a `redis://[user][:password@]host[:port][/db]` URL (`rediss://` for
 * TLS) plus the options the CLI passes through — TLS on, a CA file, a password from a file —
 * turned into ioredis connection options. The password never appears in what is shown to
 * people (`display`), only in the options.
 */
import { type Failure, failure, problem } from "../core/problems.js";

/** ioredis options pamir sets (a subset of RedisOptions, passed as is to ioredis and BullMQ). */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  db: number;
  username?: string | undefined;
  password?: string | undefined;
  tls?: { ca?: string | undefined; servername: string } | undefined;
}

/** A Redis server to use, with a printable name. */
export interface RedisTarget {
  options: RedisConnectionOptions;
  /** The URL without credentials, e.g. `redis://10.0.0.5:6379/0`. */
  display: string;
  /** Key shared by the coordinator and its workers to sign jobs, replies and metas (sign.ts). */
  key?: string | undefined;
}

/** Options given next to the URL. */
export interface TargetExtras {
  /** Use TLS even for a `redis://` URL. */
  tls?: boolean | undefined;
  /** PEM text of the CA that signed the server's certificate. */
  tlsCa?: string | undefined;
  /** Password (from --password-file or PAMIR_REDIS_PASSWORD); one in the URL wins over the environment's. */
  password?: string | undefined;
  /** Where `password` came from: a file overrides the URL, the environment does not. */
  passwordFrom?: "file" | "env" | undefined;
}

/** A wrong `--queue` URL, in one line. */
const bad = (message: string): Failure => failure(problem("option", "", message));

/** Parse `url` with `extras`; problems are one line in plain words. */
export function parseRedisUrl(
  url: string,
  extras: TargetExtras = {},
): { ok: true; target: RedisTarget } | Failure {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return bad(`--queue: "${url}" is not a URL (expected redis://[:password@]host:port[/db])`);
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:")
    return bad(`--queue: "${u.protocol}" is not redis: or rediss: (in ${redact(u)})`);
  if (u.hostname === "") return bad(`--queue: no host in ${redact(u)}`);
  const port = u.port === "" ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\/+/, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!/^\d*$/.test(dbText) || !Number.isSafeInteger(db))
    return bad(`--queue: database "${dbText}" is not a number (in ${redact(u)})`);
  if (u.search !== "" || u.hash !== "")
    return bad(`--queue: query and fragment are not supported (in ${redact(u)})`);
  const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
  const fromUrl = u.password === "" ? undefined : decodeURIComponent(u.password);
  const password =
    extras.passwordFrom === "file" ? extras.password : (fromUrl ?? (extras.password || undefined));
  const tls = u.protocol === "rediss:" || extras.tls === true;
  return {
    ok: true,
    target: {
      options: {
        host,
        port,
        db,
        ...(u.username !== "" ? { username: decodeURIComponent(u.username) } : {}),
        ...(password !== undefined ? { password } : {}),
        ...(tls ? { tls: { servername: host, ...(extras.tlsCa ? { ca: extras.tlsCa } : {}) } } : {}),
      },
      display: `${tls ? "rediss" : "redis"}://${u.host}/${db}`,
    },
  };
}

/** `u` as text without its password. */
function redact(u: URL): string {
  const c = new URL(u.href);
  if (c.password !== "") c.password = "***";
  return c.href;
}
