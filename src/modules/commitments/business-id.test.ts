import { describe, expect, it } from "vitest";
import { businessIdCheckDigit, isBusinessId } from "./business-id.ts";

describe("Finnish business ID (Y-tunnus)", () => {
  it("takes IDs whose check digit is right", () => {
    for (const id of ["0185968-5", "0196826-7", "2345678-0", "1572860-0"]) expect(isBusinessId(id), id).toBe(true);
  });
  it("refuses a wrong check digit, a wrong shape and a remainder of 1 (never issued)", () => {
    for (const id of ["0185968-6", "185968-5", "01859685", "0185968-55", " 0185968-5", "abcdefg-h", ""])
      expect(isBusinessId(id), id).toBe(false);
    // 1000006: weights give 7 + 2·6 = 19, remainder 8 → 3; 1000000: remainder 7 → 4; 0000010: 4 → 7.
    expect(businessIdCheckDigit("1000006")).toBe(3);
    const withRemainderOne = Array.from({ length: 200 }, (_, n) => String(n).padStart(7, "0")).find(
      (digits) => businessIdCheckDigit(digits) === null,
    );
    expect(withRemainderOne).toBeDefined();
    expect(isBusinessId(`${withRemainderOne}-0`)).toBe(false);
  });
});
