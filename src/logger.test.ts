import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

describe("the log", () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = createLogger("debug", (_level, text) => lines.push(...text.split("\n")));
    return { logger, lines };
  };

  it("never lets text a client sent start a line of its own", () => {
    const { logger, lines } = capture();
    logger.error("POST /w/x\n[error] forged admin login\r\u001b[2K failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe("[error] POST /w/x\\u000a[error] forged admin login\\u000d\\u001b[2K failed");
  });

  it("escapes an error's message but keeps its stack frames and causes, each frame on its own line", () => {
    const { logger, lines } = capture();
    const cause = new Error("value 'x\n[info] fake' refused");
    logger.error("write failed", new Error("outer\nline", { cause }));
    expect(lines[0]).toBe("[error] write failed Error: outer\\u000aline");
    expect(lines.filter((l) => /^\s+at /.test(l)).length).toBeGreaterThan(0);
    expect(lines.some((l) => l.startsWith("[info]"))).toBe(false);
    expect(lines).toContain("  caused by Error: value 'x\\u000a[info] fake' refused");
  });

  it("writes other values on one line", () => {
    const { logger, lines } = capture();
    logger.info("config", { name: "a\nb", nested: { list: [1, 2] } });
    expect(lines).toEqual(["[info] config { name: 'a\\nb', nested: { list: [ 1, 2 ] } }"]);
  });
});
