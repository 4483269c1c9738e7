import { describe, expect, it } from "vitest";
import { parseInput } from "../../core/validate.ts";
import { agendaItemInput, eventInput } from "./inputs.ts";

// Form dates become instants with dates.ts's helsinkiToInstant, which refuses a day that does not exist:
// the input has to refuse it first, as a field error, or it would be a 500.
describe("event dates", () => {
  const event = { title: "Muutosjohtajakokous", date: "2019-03-20", startTime: "09:00", endTime: "12:00" };

  it("takes a real calendar day", () => {
    expect(parseInput(eventInput, { ...event, date: "2024-02-29" }, "fi").date).toBe("2024-02-29");
  });

  it.each(["2019-02-29", "2019-02-31", "2019-13-01", "2019-04-31", "2019-00-10"])(
    "refuses %s as VALIDATION_FAILED on the date field",
    (date) => {
      expect(() => parseInput(eventInput, { ...event, date }, "en")).toThrow(
        expect.objectContaining({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path: "date" })] }),
      );
    },
  );

  it("still takes agenda times as wall-clock HH:MM", () => {
    expect(parseInput(agendaItemInput, { time: "09:30", title: "Avaus" }, "fi").time).toBe("09:30");
  });
});
