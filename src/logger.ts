import { inspect } from "node:util";
import type { Config } from "./config/env.ts";

export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

const order = ["debug", "info", "warn", "error", "silent"] as const;
type LogLevel = Exclude<(typeof order)[number], "silent">;
type LineWriter = (level: LogLevel, line: string) => void;

// Debug and info to standard output, warnings and errors to standard error, as before.
const writeToConsole: LineWriter = (level, line) =>
  (level === "warn" || level === "error" ? console.error : console.log)(line);

/**
 * One log entry is one line of text per thing it says: messages and error
 * messages can carry what a client sent (a path, a database error quoting a
 * value), so their line breaks and other control characters are escaped and a
 * client can never start a line of its own. Stack frames come from our code.
 */
export function createLogger(level: Config["logLevel"], write: LineWriter = writeToConsole): Logger {
  const min = order.indexOf(level);
  const at = (name: LogLevel) => (message: string, extra?: unknown) => {
    if (order.indexOf(name) < min) return;
    write(name, `[${name}] ${escapeForLog(message)}${extra === undefined ? "" : ` ${describeForLog(extra)}`}`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point.
const unsafeInLog = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function escapeForLog(text: string): string {
  return text.replace(unsafeInLog, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An error as its escaped "Name: message", its stack frames, and its causes; anything else on one line. */
export function describeForLog(value: unknown, depth = 0): string {
  if (!(value instanceof Error))
    return escapeForLog(inspect(value, { breakLength: Number.POSITIVE_INFINITY, depth: 4 }));
  const header = `${value.name}: ${value.message}`;
  const frames = (value.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .map(escapeForLog);
  const cause = value.cause !== undefined && depth < 3 ? `\n  caused by ${describeForLog(value.cause, depth + 1)}` : "";
  return [escapeForLog(header), ...frames].join("\n") + cause;
}
