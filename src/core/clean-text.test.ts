import { describe, expect, it } from "vitest";
import { cleanStrings, cleanText } from "./clean-text.ts";

describe("cleanText", () => {
  it("removes NUL and other control characters, keeping tab and line feed", () => {
    expect(cleanText("a\u0000b\u0007c\td\ne\u007ff\u0085g")).toBe("abc\td\nefg");
  });

  it("turns CR LF and lone CR into line feeds", () => {
    expect(cleanText("one\r\ntwo\rthree")).toBe("one\ntwo\nthree");
  });

  it("removes terminal escape sequences whole, not just their ESC", () => {
    expect(cleanText("\u001b[31mred\u001b[0m \u001b[2J\u001b[1;1Hclear")).toBe("red clear");
    expect(cleanText("title\u001b]0;evil\u0007 ok")).toBe("title ok");
    expect(cleanText("\u009b31mC1\u001bc")).toBe("C1");
  });

  it("makes a text of only invisible characters empty", () => {
    expect(cleanText("\u200b\u200c\u200d \u2060\ufeff\u00ad\u3164")).toBe("");
    expect(cleanText("\u0000")).toBe("");
  });

  it("keeps invisible characters inside real text (emoji joiners) and everything a person typed", () => {
    const family = "👩\u200d👩\u200d👧";
    expect(cleanText(family)).toBe(family);
    expect(cleanText("  Hyvää huomenta, Kouvola!  ")).toBe("  Hyvää huomenta, Kouvola!  ");
    expect(cleanText("Åbo – ”citat” ‹› €")).toBe("Åbo – ”citat” ‹› €");
  });

  it("replaces unpaired surrogates so the text is valid UTF-8", () => {
    expect(cleanText("a\ud800b")).toBe("a\ufffdb");
  });
});

describe("cleanStrings", () => {
  it("cleans strings deep in objects and arrays and leaves other values alone", () => {
    const date = new Date(0);
    expect(cleanStrings({ a: "x\u0000", b: ["\u200b", 1, null], c: { d: "e\u001b[0m" }, date })).toEqual({
      a: "x",
      b: ["", 1, null],
      c: { d: "e" },
      date,
    });
  });
});
