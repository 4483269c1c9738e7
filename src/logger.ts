import type { Config } from "./config/env.ts";

export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

const order = ["debug", "info", "warn", "error", "silent"] as const;

export function createLogger(level: Config["logLevel"]): Logger {
  const min = order.indexOf(level);
  const at =
    (name: (typeof order)[number], write: (...args: unknown[]) => void) => (message: string, extra?: unknown) => {
      if (order.indexOf(name) < min) return;
      if (extra === undefined) write(`[${name}] ${message}`);
      else write(`[${name}] ${message}`, extra);
    };
  return {
    debug: at("debug", console.debug),
    info: at("info", console.info),
    warn: at("warn", console.warn),
    error: at("error", console.error),
  };
}
