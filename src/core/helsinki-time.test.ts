import { describe, expect, it } from "vitest";
import { helsinkiToInstant, instantToHelsinki } from "./helsinki-time.ts";

describe("Helsinki wall-clock time", () => {
  it("converts summer and winter times to the right instants and back", () => {
    expect(helsinkiToInstant("2016-08-31", "09:00").toISOString()).toBe("2016-08-31T06:00:00.000Z");
    expect(helsinkiToInstant("2018-02-09", "13:30").toISOString()).toBe("2018-02-09T11:30:00.000Z");
    expect(instantToHelsinki(new Date("2016-08-31T06:00:00Z"))).toEqual({ date: "2016-08-31", time: "09:00" });
  });

  it("handles the night the clocks go forward", () => {
    // 27 March 2016: 03:00 became 04:00 in Finland.
    expect(helsinkiToInstant("2016-03-27", "02:30").toISOString()).toBe("2016-03-27T00:30:00.000Z");
    expect(helsinkiToInstant("2016-03-27", "05:00").toISOString()).toBe("2016-03-27T02:00:00.000Z");
  });
});
