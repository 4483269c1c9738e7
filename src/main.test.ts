import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../test/support/database.ts";

const root = path.resolve(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts the real server process (what `npm start` runs after building) and waits until it says where it is. */
function startServer(
  env: Record<string, string>,
  entry = "src/main.ts",
): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry], {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (
        /Uudistamo is running at/.test(output) &&
        (/password: /.test(output) || !/Demo workspace loaded/.test(output))
      ) {
        // The credentials block follows the URL line in the same burst; give it a moment.
        setTimeout(() => {
          clearTimeout(timer);
          resolve({ child, output });
        }, 200);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

describe("starting the server from a fresh clone", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "uudistamo-start-"));
  let databaseUrl: string | null = null;
  let closeDatabase = async () => {};
  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) {
      // An empty database of its own on the PostgreSQL server; the server migrates it at start.
      const db = await openTestDatabase();
      databaseUrl = db.url;
      closeDatabase = db.close;
    }
  });
  afterAll(() => closeDatabase());

  it("loads the demo workspace on first start only, with a generated admin password that signs in", async () => {
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const first = await startServer(env);
    try {
      expect(first.output).toContain(`http://localhost:${port}`);
      const email = first.output.match(/e-mail:\s+(\S+)/)?.[1];
      const password = first.output.match(/password:\s+(\S+)/)?.[1];
      expect(email).toBe("muutosjohtaja@uudistamo.example");
      expect(password).toMatch(/^[\w-]{20,}$/);

      const origin = `http://localhost:${port}`;
      const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ email, password }),
      });
      expect(signIn.status).toBe(200);
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Uudistamo");
    } finally {
      await stop(first.child);
    }

    const second = await startServer(env);
    try {
      expect(second.output).not.toContain("Demo workspace loaded");
      expect(second.output).not.toMatch(/password:/);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toMatchObject({ status: "ready", database: databaseUrl ? "postgres" : "pglite" });
    } finally {
      await stop(second.child);
    }
  }, 120_000);

  it("refuses to start with a wrong setting, naming it", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "not-a-port", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c));
    child.stderr?.on("data", (c: Buffer) => (output += c));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/PORT:/);
    expect(output).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);
});

describe("npm run dev", () => {
  it("serves the pages from the source through Vite, with the hot-reload runtime", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "uudistamo-dev-"));
    const { child } = await startServer(
      { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO_DATA: "false" },
      "src/dev.ts",
    );
    try {
      const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("virtual:react-router/inject-hmr-runtime");
      expect(html).toContain('href="/app/root.tsx"');
      expect((await fetch(`http://127.0.0.1:${port}/@vite/client`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await stop(child);
    }
  }, 120_000);
});
