import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../../test/support/server.ts";
import { docxToText } from "../../deliverables/export/libreoffice.testing.ts";
import { inOrder } from "../../deliverables/export/office.testing.ts";
import { strategyWithIndicator } from "../test-fixture.ts";
import { strategyDocx } from "./strategy.ts";

describe("a whole strategy as DOCX, read back by LibreOffice", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("has the vision, the category, the goal, the indicator's table and its chart's description", async () => {
    const staff = (await personCaller(app, "staff")).caller;
    const { strategy, indicator } = await strategyWithIndicator(app, staff);
    await app.platform.services.strategies.createMeasurement(staff, indicator.id, {
      date: "2022-12-31",
      value: "64.5",
    });
    const detail = await app.platform.services.strategies.get(staff, strategy.id);
    const text = (await docxToText(await strategyDocx(detail, "fi"))).normalize("NFKC").replace(/\s+/g, " ");
    expect(
      inOrder(text, [
        "Pohjois-Karjalan maakuntastrategia",
        "Visio",
        "Elinvoimainen",
        "Alueen kehittäminen, maankäyttö, elinympäristö ja elinkeinot",
        "Työllisyys kasvaa",
        "Työllisyysaste",
        "Lähtötaso",
        "60 %",
        "Tavoite",
        "70 %",
        "64,5 %",
      ]),
    ).toEqual({ ok: true });
  });
});
