import { describe, expect, it } from "vitest";
import { lazy } from "./lazy.ts";

describe("a library loaded on first use", () => {
  it("is loaded once, on the first call, however many ask at once", async () => {
    let loads = 0;
    const load = lazy(async () => ({ n: ++loads }));
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(loads).toBe(1);
  });

  it("is tried again after a failed load", async () => {
    let attempts = 0;
    const load = lazy(async () => {
      attempts++;
      if (attempts === 1) throw new Error("not yet");
      return "loaded";
    });
    await expect(load()).rejects.toThrow("not yet");
    expect(await load()).toBe("loaded");
  });
});
