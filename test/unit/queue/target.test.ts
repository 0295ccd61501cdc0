/** Redis URLs and the options next to them: ioredis options out, credentials never in what is shown. */
import { describe, expect, it } from "vitest";
import { parseRedisUrl } from "../../../src/queue/target.js";

const ok = (url: string, extras = {}) => {
  const r = parseRedisUrl(url, extras);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.target;
};
const error = (url: string) => {
  const r = parseRedisUrl(url);
  if (r.ok) throw new Error(`${url} parsed`);
  return r.problems[0]!.message;
};

describe("parseRedisUrl", () => {
  it("reads host, port, db and password, and shows the URL without the password", () => {
    const t = ok("redis://:s3cr%40t@10.0.0.5:6380/2");
    expect(t.options).toEqual({ host: "10.0.0.5", port: 6380, db: 2, password: "s3cr@t" });
    expect(t.display).toBe("redis://10.0.0.5:6380/2");
  });

  it("defaults port 6379 and db 0, keeps a user name, reads IPv6 hosts", () => {
    expect(ok("redis://localhost").options).toEqual({ host: "localhost", port: 6379, db: 0 });
    expect(ok("redis://pamir:pw@h:1/0").options).toMatchObject({ username: "pamir", password: "pw" });
    expect(ok("redis://[::1]:7000").options).toMatchObject({ host: "::1", port: 7000 });
    expect(ok("redis://[::1]:7000").display).toBe("redis://[::1]:7000/0");
  });

  it("turns TLS on for rediss:// or --tls, with the CA and the server name", () => {
    expect(ok("rediss://h:6380").options.tls).toEqual({ servername: "h" });
    expect(ok("rediss://h:6380").display).toBe("rediss://h:6380/0");
    const t = ok("redis://h", { tls: true, tlsCa: "PEM" });
    expect(t.options.tls).toEqual({ servername: "h", ca: "PEM" });
    expect(t.display).toBe("rediss://h/0");
  });

  it("takes a password file over the URL's, the URL's over the environment's", () => {
    expect(ok("redis://:url@h", { password: "file", passwordFrom: "file" }).options.password).toBe("file");
    expect(ok("redis://:url@h", { password: "env", passwordFrom: "env" }).options.password).toBe("url");
    expect(ok("redis://h", { password: "env", passwordFrom: "env" }).options.password).toBe("env");
  });

  it("rejects what is not a Redis URL, in one line, without echoing a password", () => {
    expect(error("localhost:6379")).toMatch(/is not a URL|is not redis: or rediss:/);
    expect(error("http://:pw@h")).toBe('--queue: "http:" is not redis: or rediss: (in http://:***@h/)');
    expect(error("redis://h/x")).toMatch(/database "x" is not a number/);
    expect(error("redis://h/0?x=1")).toMatch(/query and fragment are not supported/);
  });
});
