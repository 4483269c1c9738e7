import { describe, expect, it } from "vitest";
import { lineDiff } from "./diff.ts";

describe("line diff", () => {
  it("keeps unchanged lines and marks removed and added ones in place", () => {
    const before = "Maakuntaliitto\n- Siun sote\n- ELY-keskus";
    const after = "Maakuntaliitto\n- Siun sote: strategia\n- ELY-keskus\n- Kunnat";
    expect(lineDiff(before, after)).toEqual({
      lines: [
        { kind: "same", text: "Maakuntaliitto" },
        { kind: "removed", text: "- Siun sote" },
        { kind: "added", text: "- Siun sote: strategia" },
        { kind: "same", text: "- ELY-keskus" },
        { kind: "added", text: "- Kunnat" },
      ],
      added: 2,
      removed: 1,
    });
  });

  it("compares with an empty text (the section before its first version)", () => {
    expect(lineDiff("", "Yksi\nKaksi")).toEqual({
      lines: [
        { kind: "added", text: "Yksi" },
        { kind: "added", text: "Kaksi" },
      ],
      added: 2,
      removed: 0,
    });
    expect(lineDiff("Sama", "Sama").lines).toEqual([{ kind: "same", text: "Sama" }]);
  });

  it("keeps empty lines between paragraphs", () => {
    expect(lineDiff("A\n\nB", "A\n\nC").lines).toEqual([
      { kind: "same", text: "A" },
      { kind: "same", text: "" },
      { kind: "removed", text: "B" },
      { kind: "added", text: "C" },
    ]);
  });
});
