import { AsyncLocalStorage } from "node:async_hooks";
import { pino } from "pino";
import type { Config } from "./config/env.ts";

export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

/** What every log line written while handling one request carries (set by the HTTP app's first middleware). */
export interface RequestLogContext {
  requestId: string;
}

const requestContext = new AsyncLocalStorage<RequestLogContext>();

/** Runs `work` with the request's id attached to every log line written meanwhile, however deep. */
export function withRequestLogContext<T>(context: RequestLogContext, work: () => T): T {
  return requestContext.run(context, work);
}

/** Where log lines go: standard output by default; tests pass a writer to read them back. */
export type LogDestination = { write(line: string): void };

/**
 * Structured logs with pino: one JSON object per line, with the level, the
 * time, the request id (inside a request) and the message. JSON escapes line
 * breaks and control characters, so text a client sent (a path, a database
 * error quoting a value) can never start a line of its own. An error passed
 * as `extra` is logged with pino's error serializer (type, message, stack,
 * cause) under `err`; any other value under `extra`.
 */
export function createLogger(level: Config["logLevel"], destination?: LogDestination): Logger {
  const log = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const context = requestContext.getStore();
        return context ? { requestId: context.requestId } : {};
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  const at = (name: "debug" | "info" | "warn" | "error") => (message: string, extra?: unknown) => {
    if (extra === undefined) log[name](message);
    else if (extra instanceof Error) log[name]({ err: extra }, message);
    else log[name]({ extra }, message);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
