/**
 * A throwaway redis-server for the queue bench and the service tests: Debian's binary on a free
 * loopback port, with a password, no persistence (`--save ''`, `--appendonly no`), its working
 * folder a fresh temporary one; stopped (and the folder removed) by `stop()`. Never the
 * system's Redis on 6379, which may hold someone's data.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running throwaway Redis. */
export interface RedisServer {
  port: number;
  password: string;
  /** `redis://:<password>@127.0.0.1:<port>/0`. */
  url: string;
  /** The URL with a wrong password. */
  wrongUrl: string;
  stop(): Promise<void>;
}

/** Whether a `redis-server` binary is on PATH. */
export function haveRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** A port the OS says is free now (there is a small window before redis-server binds it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Start redis-server and resolve once it accepts connections. */
export async function startRedisServer(password = "pamir-test-secret"): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "pamir-redis-"));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--requirepass",
        password,
        "--save",
        "",
        "--appendonly",
        "no",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stderr?.resume();
    const ready = await new Promise<boolean>((resolve) => {
      let out = "";
      child.stdout?.on("data", (d) => {
        out += String(d);
        if (out.includes("Ready to accept connections")) resolve(true);
      });
      child.once("exit", () => resolve(false));
    });
    if (!ready) {
      // Someone took the port between freePort and the bind: try another.
      if (attempt < 3) continue;
      rmSync(dir, { recursive: true, force: true });
      throw new Error("redis-server did not start");
    }
    child.stdout?.resume();
    const stop = () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      });
    return {
      port,
      password,
      url: `redis://:${password}@127.0.0.1:${port}/0`,
      wrongUrl: `redis://:not-${password}@127.0.0.1:${port}/0`,
      stop,
    };
  }
}
