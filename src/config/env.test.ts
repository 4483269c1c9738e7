import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env.ts";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "uudistamo-config-"));

describe("configuration", () => {
  it("has documented defaults: port 3000, embedded database in ./data, 10 MB uploads", () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.uploadMaxBytes).toBe(10 * 1024 * 1024);
    expect(config.smtpUrl).toBeNull();
  });

  it("generates a session secret into the data folder once and keeps it across restarts", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, "session-secret"), "utf8").trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["PUBLIC_URL", "not a url"],
    ["SMTP_URL", "http://mail"],
    ["SESSION_SECRET", "short"],
    ["UPLOAD_MAX_BYTES", "-5"],
  ])("stops with a message naming %s when it is %s", (name, value) => {
    const load = () => loadConfig({ DATA_DIR: dataDir(), [name]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`${name}:`));
  });

  it("trusts no proxy by default, and reads TRUSTED_PROXIES as a comma-separated list of addresses, CIDRs and names", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trustedProxies).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: " loopback, 10.0.0.0/8 ,192.168.1.20,fd00::/8,, uniquelocal" })
        .trustedProxies,
    ).toEqual(["loopback", "10.0.0.0/8", "192.168.1.20", "fd00::/8", "uniquelocal"]);
  });

  it.each(["proxy.example", "10.0.0.0/33", "127.0.0.1, lan"])("stops when TRUSTED_PROXIES is %s", (value) => {
    const load = () => loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/TRUSTED_PROXIES:/);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "", PORT: "" }).port).toBe(3000);
  });
});
