import { describe, expect, it } from "vitest";
import { createSealer } from "./sealed.ts";

describe("sealed job data", () => {
  const sealer = createSealer("test-secret-test-secret-test-secret-0123456789", "mail");

  it("opens what it sealed, and the sealed text does not show it", () => {
    const value = { to: "a@example.test", text: "https://x.example/reset-password?token=secret-4711" };
    const sealed = sealer.seal(value);
    expect(sealed).not.toContain("secret-4711");
    expect(sealer.open(sealed)).toEqual(value);
  });

  it("refuses sealed text that was changed, or sealed with another secret or for another purpose", () => {
    const sealed = sealer.seal({ n: 1 });
    // One character changed (its second last, which always carries data bits): before, it was set to "A" unless the
    // text ended in "A", which left it unchanged whenever it already was "A" (1 run in 64, random IV).
    const at = sealed.length - 2;
    const changed = `${sealed.slice(0, at)}${sealed[at] === "A" ? "B" : "A"}${sealed.slice(at + 1)}`;
    expect(changed).not.toBe(sealed);
    expect(() => sealer.open(changed)).toThrow();
    expect(() => createSealer("another-secret-another-secret-0123456789", "mail").open(sealed)).toThrow();
    expect(() => createSealer("test-secret-test-secret-test-secret-0123456789", "other").open(sealed)).toThrow();
  });
});
