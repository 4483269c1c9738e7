import { createServer } from "node:net";
import { loadConfig } from "../../src/config/env.ts";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { listen, type RunningServer } from "../../src/http/listen.ts";
import { createLogger, type Logger } from "../../src/logger.ts";
import { insertPasswordLogin } from "../../src/modules/accounts/credentials.ts";
import { hashPassword } from "../../src/modules/accounts/password.ts";
import { type Role, users } from "../../src/modules/accounts/schema.ts";
import { createPlatform, type Platform } from "../../src/platform.ts";
import { openTestDatabase } from "./database.ts";
import { startSmtpServer } from "./smtp.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface TestApp {
  url: string;
  /** The PostgreSQL database's URL; null on PGlite. */
  databaseUrl: string | null;
  platform: Platform;
  database: Database;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  server: RunningServer;
  close(): Promise<void>;
}

/**
 * The real server on a free loopback port, with a fresh database and an
 * in-process SMTP server. `web: true` serves the built React Router UI too.
 */
export async function startTestApp(
  options: {
    web?: boolean;
    env?: Record<string, string> /** A second instance on another app's PostgreSQL database. */;
    sameDatabaseAs?: TestApp;
    /** The app's log; by default errors only, to standard output. */
    logger?: Logger;
    /** Called with each statement the app sends to its database (a query counter). */
    onQuery?: (query: string) => void;
  } = {},
): Promise<TestApp> {
  const sharedUrl = options.sameDatabaseAs?.databaseUrl;
  const [database, smtp, port] = await Promise.all([
    sharedUrl
      ? openDatabase({ url: sharedUrl }, { onQuery: options.onQuery })
      : openTestDatabase({ onQuery: options.onQuery }),
    startSmtpServer(),
    freePort(),
  ]);
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    SMTP_URL: smtp.url,
    SESSION_SECRET: "test-secret-test-secret-test-secret-0123456789",
    LOG_LEVEL: "error",
    // Tests sign many people in from one address; the limit itself is tested with the default.
    SIGNIN_RATE_LIMIT: "1000",
    // Retries come due within a test's patience; new jobs wake the workers at once anyway.
    JOBS_POLL_SECONDS: "0.5",
    DATA_DIR: "./data/test-unused",
    ...options.env,
  });
  const platform = await createPlatform(config, { database, logger: options.logger ?? createLogger("error") });
  const server = await listen(platform, { port, host: "127.0.0.1", withWeb: options.web ?? false });
  return {
    url,
    databaseUrl: "url" in database ? (database.url as string | null) : (sharedUrl ?? null),
    platform,
    database,
    smtp,
    server,
    async close() {
      await server.close();
      await smtp.close();
      await platform.close();
    },
  };
}

let counter = 0;

/** A person with a password, straight into the database (tests of other things need someone to sign in as). */
export async function createPerson(database: Database, role: Role, overrides: { name?: string; email?: string } = {}) {
  counter += 1;
  const id = crypto.randomUUID();
  const email = overrides.email ?? `${role}-${counter}-${id.slice(0, 6)}@example.test`;
  const password = `pw-${id}`;
  await database.db
    .insert(users)
    .values({ id, name: overrides.name ?? `${role} ${counter}`, email, role, emailVerified: true });
  await insertPasswordLogin(database.db, id, await hashPassword(password));
  return { id, email, password, role, name: overrides.name ?? `${role} ${counter}` };
}

/** Signs in through the real HTTP endpoint and returns the Cookie header to send afterwards. */
export async function signIn(app: TestApp, email: string, password: string): Promise<string> {
  const response = await fetch(`${app.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** JSON request helper that sends our Origin like a browser page would. */
export async function api(
  app: TestApp,
  path: string,
  init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${app.url}${path}`, {
    method: init.method ?? "GET",
    headers: {
      origin: app.url,
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return {
    status: response.status,
    headers: response.headers,
    json: json as Record<string, unknown> & unknown[],
    text,
  };
}
