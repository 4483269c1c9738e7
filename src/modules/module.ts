import type { Hono } from "hono";
import type { Config } from "../config/env.ts";
import type { JoinCodeGuesses } from "../core/join-code-guesses.ts";
import type { WritePath } from "../core/write.ts";
import type { Database, Db } from "../db/client.ts";
import type { AppEnv } from "../http/context.ts";
import type { ApiRouter, DownloadDocs } from "../http/openapi.ts";
import type { CoreMessageKey } from "../i18n/messages/fi.ts";
import type { JobQueue } from "../jobs/queue.ts";
import type { Logger } from "../logger.ts";
import type { MailOutbox } from "../mail/outbox.ts";
import type { Auth } from "./accounts/auth.ts";

/**
 * A module, as the registry (registry.ts) lists it. The declaration is light (messages, pages, navigation: plain
 * data) so the route config and the message catalogs can read it without loading any server code; everything that
 * runs on the server sits behind `server`, loaded once when the platform starts.
 */
export interface ModuleDeclaration<Key extends string = string, Server extends ModuleServer = ModuleServer> {
  name: string;
  /** Its texts in the three languages; keys are prefixed with the module's name. */
  messages?: { fi: Record<Key, string>; sv: Record<Key, string>; en: Record<Key, string> };
  /** Its pages: URL pattern (React Router syntax) → route file under app/. */
  pages?: readonly PageRoute[];
  /** Its entries in the site navigation, for the roles that see them. */
  navigation?: readonly NavigationEntry<NoInfer<Key> | CoreMessageKey>[];
  server: () => Promise<{ default: Server }>;
}

export interface PageRoute {
  path: string;
  /** Relative to app/, e.g. "routes/events.tsx": pages stay thin and live with the web UI. */
  file: string;
}

export type NavigationRole = "admin" | "staff" | "member" | "auditor" | "anyone";

export interface NavigationEntry<Label extends string = string> {
  to: string;
  label: Label;
  roles: readonly NavigationRole[];
  /** Position in the bar (lower first), so entries from different modules keep a stable order. */
  order: number;
}

/** What the platform gives every module's services. */
export interface ModuleContext {
  db: Db;
  writes: WritePath;
  config: Config;
  logger: Logger;
  jobs: JobQueue;
  outbox: MailOutbox;
  auth: Auth;
  /** Walls and events check join codes with one guess budget per address for all. */
  joinGuesses: JoinCodeGuesses;
  /** PostgreSQL only: LISTEN/NOTIFY between app instances. */
  channel: Database["channel"];
  /**
   * Another module's service by name, typed by the caller. Services are built in registry order, so a module asks
   * for those listed before it; one listed after it can be asked for at call time (late binding), never while
   * building.
   */
  need<T>(service: string): T;
}

/** The server half of a module. */
export interface ModuleServer {
  /** Its services, by name (merged into `platform.services`). */
  services?: (context: ModuleContext) => object;
  /**
   * Work once every service exists and before the job queue starts: define and schedule jobs, install built-ins,
   * listen to other instances. May return how to stop (called when the platform closes).
   */
  start?: (context: ModuleContext) => Promise<void | (() => Promise<void>)>;
  /** Work once the job queue runs (queue jobs: pick up what a crashed instance left). */
  started?: (context: ModuleContext) => Promise<void>;
  /** Its JSON API under /api (OpenAPI routes). */
  api?: (api: ApiRouter) => void;
  /** Its routes outside /api: downloads, files, calendars. */
  routes?: (app: Hono<AppEnv>) => void;
  /** Those routes in the OpenAPI document, at their own URLs. */
  downloads?: (docs: DownloadDocs) => void;
}

/** Declares a module (module.ts in the module's folder); the generics keep its message keys and services typed. */
export const defineModule = <const Key extends string, Server extends ModuleServer>(
  declaration: ModuleDeclaration<Key, Server>,
) => declaration;

/** Declares a module's server half (server.ts in the module's folder). */
export const defineModuleServer = <const Server extends ModuleServer>(server: Server) => server;
