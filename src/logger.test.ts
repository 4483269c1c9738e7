import { describe, expect, it } from "vitest";
import { createLogger, withRequestLogContext } from "./logger.ts";

describe("the log", () => {
  const capture = () => {
    const written: string[] = [];
    const logger = createLogger("debug", { write: (chunk) => written.push(chunk) });
    const lines = () => written.join("").split("\n").filter(Boolean);
    const entries = () => lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    return { logger, lines, entries };
  };

  it("writes one JSON object per line, and text a client sent can never start a line of its own", () => {
    const { logger, lines, entries } = capture();
    logger.error("POST /w/x\n[error] forged admin login\r\u001b[2K failed");
    expect(lines()).toHaveLength(1);
    expect(entries()[0]).toMatchObject({
      level: "error",
      msg: "POST /w/x\n[error] forged admin login\r\u001b[2K failed",
    });
    expect(entries()[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("logs an error with its stack and cause inside the same line", () => {
    const { logger, lines, entries } = capture();
    const cause = new Error("value 'x\n[info] fake' refused");
    logger.error("write failed", new Error("outer\nline", { cause }));
    expect(lines()).toHaveLength(1);
    const err = entries()[0]?.err as { message: string; stack: string };
    expect(err.message).toContain("outer\nline");
    expect(err.stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(err)).toContain("fake' refused");
  });

  it("puts the request id on every line written while a request is handled, and none outside", async () => {
    const { logger, entries } = capture();
    await withRequestLogContext({ requestId: "req-1" }, async () => {
      logger.info("first");
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.warn("after an await", { wallId: "w1" });
    });
    logger.info("outside");
    expect(entries().map((e) => [e.msg, e.requestId])).toEqual([
      ["first", "req-1"],
      ["after an await", "req-1"],
      ["outside", undefined],
    ]);
    expect(entries()[1]?.extra).toEqual({ wallId: "w1" });
  });

  it("writes nothing below its level", () => {
    const written: string[] = [];
    const logger = createLogger("warn", { write: (chunk) => written.push(chunk) });
    logger.info("quiet");
    logger.debug("quieter");
    expect(written).toEqual([]);
  });
});
