import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import proxyAddr from "proxy-addr";
import { z } from "zod";

/**
 * Every setting the server reads, validated once at start. Nothing else in the
 * code base reads process.env: it receives this object.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Uudistamo <no-reply@uudistamo.localhost>"),
  MAIL_UNSUBSCRIBE_ADDRESS: z.email().max(254).optional(),
  MAIL_INBOUND_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  MAIL_INBOUND_HOST: z.string().min(1).optional(),
  MAIL_RATE_PER_MINUTE: z.coerce.number().positive().max(60_000).default(60),
  NEWSLETTER_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  NEWSLETTER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  NEWSLETTER_CLAIM_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  BODY_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  SIGNIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  WALL_POSTS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(300),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(isTrustList, "must be IP addresses, CIDRs or loopback/linklocal/uniquelocal, separated by commas"),
  DEMO_DATA: z.enum(["true", "false"]).default("true"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  /** Null means the embedded PGlite database in dataDir/pglite. */
  databaseUrl: string | null;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /**
   * The newsletter's unsubscribe by mail: the address List-Unsubscribe's mailto names (null: the header carries only
   * the URL), and the SMTP listener that takes mail for it (port null: none in this instance; host defaults to HOST).
   */
  unsubscribeMail: { address: string | null; inboundPort: number | null; inboundHost: string };
  /** Bulk mail (newsletters) goes out at most this fast; one-off mail (invitations, resets) is not held back. */
  mailRatePerMinute: number;
  /** A newsletter goes out in batches of this many recipients (paced to mailRatePerMinute)… */
  newsletterBatchSize: number;
  /** …with this many SMTP hand-offs at once: at most this many can be repeated after a crash. */
  newsletterConcurrency: number;
  /** A recipient claimed this long ago and not marked sent is taken to be lost in a crash and sent again. */
  newsletterClaimSeconds: number;
  /** How often an idle job worker looks for due jobs (retries); new jobs wake it at once. */
  jobsPollSeconds: number;
  sessionSecret: string;
  uploadMaxBytes: number;
  bodyMaxBytes: number;
  /** Sign-in attempts allowed per client address per minute. */
  signInRateLimit: number;
  /** Wall posts per client address per minute: a seminar hall shares one address, so this is generous. */
  wallPostsPerAddress: number;
  /** Proxies whose X-Forwarded-For is believed for the client address (empty: none, the socket's address counts). */
  trustedProxies: string[];
  demoData: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates configuration; throws ConfigError naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.MAIL_INBOUND_PORT !== undefined && !e.MAIL_UNSUBSCRIBE_ADDRESS)
    throw new ConfigError(
      `Invalid configuration:\n  MAIL_INBOUND_PORT: needs MAIL_UNSUBSCRIBE_ADDRESS, the one address it takes mail for`,
    );
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    unsubscribeMail: {
      address: e.MAIL_UNSUBSCRIBE_ADDRESS ?? null,
      inboundPort: e.MAIL_INBOUND_PORT ?? null,
      inboundHost: e.MAIL_INBOUND_HOST ?? e.HOST,
    },
    mailRatePerMinute: e.MAIL_RATE_PER_MINUTE,
    newsletterBatchSize: e.NEWSLETTER_BATCH_SIZE,
    newsletterConcurrency: e.NEWSLETTER_CONCURRENCY,
    newsletterClaimSeconds: e.NEWSLETTER_CLAIM_SECONDS,
    jobsPollSeconds: e.JOBS_POLL_SECONDS,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    bodyMaxBytes: e.BODY_MAX_BYTES,
    signInRateLimit: e.SIGNIN_RATE_LIMIT,
    wallPostsPerAddress: e.WALL_POSTS_PER_ADDRESS_PER_MINUTE,
    trustedProxies: e.TRUSTED_PROXIES,
    demoData: e.DEMO_DATA === "true",
    logLevel: e.LOG_LEVEL,
  };
}

/** proxy-addr's own parser decides, so what starts is exactly what it will trust. */
function isTrustList(entries: string[]): boolean {
  try {
    proxyAddr.compile(entries);
    return true;
  } catch {
    return false;
  }
}

function stripEmpty(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
}

/** A generated secret is kept in the data folder so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
