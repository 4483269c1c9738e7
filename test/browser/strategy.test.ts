import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employmentRate } from "../../src/modules/strategy/test-fixture.ts";
import { startTestApp, type TestApp } from "../support/server.ts";
import {
  adminCaller,
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  signedInState,
} from "./support.ts";

/** The form whose submit button has this name (pages with several forms repeat field labels). */
const formWith = (page: Page, button: string) =>
  page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });

describe("strategy pages in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof signedInState>>;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    staff = await signedInState(browser, app, "staff", "Sanna Strategi");
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("lets staff create a strategy, a goal and an indicator, enter measurements and see the chart and its table update", async () => {
    const { page, context, errors } = await openPage(browser, app, { storageState: staff.storageState });
    await page.goto("/strategies");
    await expectNoAxeViolations(page, "strategies list with the create form");
    await page.getByLabel("Strategian nimi").fill("Pohjois-Karjalan maakuntastrategia 2021–2025");
    await page.getByLabel("Kauden alkamisvuosi").fill("2021");
    await page.getByLabel("Kauden päättymisvuosi").fill("2025");
    await page.getByLabel("Tila").selectOption("adopted");
    await page.getByRole("button", { name: "Luo strategia" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Muokkaa: Pohjois-Karjalan maakuntastrategia 2021–2025" })
      .waitFor();
    await expectNoAxeViolations(page, "strategy edit page");

    // A goal without a title: the summary links to the goal form's own title field.
    const goalForm = formWith(page, "Lisää tavoite");
    await goalForm.getByLabel("Luokka").selectOption("regional_development");
    // Only spaces: past the browser's own check of a required field, refused by the service.
    await goalForm.getByLabel("Tavoitteen otsikko").fill("   ");
    await goalForm.getByRole("button", { name: "Lisää tavoite" }).click();
    const goalError = page.getByRole("alert");
    await goalError.waitFor();
    expect(await goalError.getByRole("link").first().getAttribute("href")).toBe("#field-goal-title");
    await expectNoAxeViolations(page, "strategy edit page with the goal form's errors");
    await goalForm.getByLabel("Tavoitteen otsikko").fill("Työllisyys kasvaa");
    await goalForm.getByRole("button", { name: "Lisää tavoite" }).click();
    await page.getByRole("heading", { level: 1, name: "Tavoite: Työllisyys kasvaa" }).waitFor();

    // An indicator whose target is before its baseline is refused, the message linked to the target date.
    const indicatorForm = formWith(page, "Lisää indikaattori");
    await indicatorForm.getByLabel("Indikaattorin nimi").fill("Työllisyysaste");
    await indicatorForm.getByLabel(/^Yksikkö/).fill("%");
    await indicatorForm.getByLabel("Lähtötason arvo").fill("60");
    await indicatorForm.getByLabel("Lähtötason päivä").fill("2020-12-31");
    await indicatorForm.getByLabel("Tavoitearvo").fill("70");
    await indicatorForm.getByLabel("Tavoitepäivä").fill("2020-06-30");
    await indicatorForm.getByLabel(/^Välitavoitteet/).fill("2022: 66");
    await indicatorForm.getByRole("button", { name: "Lisää indikaattori" }).click();
    const indicatorError = page.getByRole("alert");
    await indicatorError.getByText(/Tavoitepäivän pitää olla lähtötason päivän/).waitFor();
    expect(await indicatorError.getByRole("link").first().getAttribute("href")).toBe("#field-indicator-targetDate");
    await expectNoAxeViolations(page, "goal page with the indicator form's errors");
    await indicatorForm.getByLabel("Tavoitepäivä").fill("2025-12-31");
    await indicatorForm.getByRole("button", { name: "Lisää indikaattori" }).click();
    await page.getByRole("heading", { level: 2, name: "Mittaukset: Työllisyysaste" }).waitFor();

    const chartTable = page.getByRole("table", { name: "Työllisyysaste: mitattu ja tavoitepolku" });
    // The path only: baseline, the intermediate target and the target.
    await expect.poll(() => chartTable.locator("tbody tr").count()).toBe(3);
    await page.getByText("Ei vielä mittauksia.").waitFor();

    const measure = formWith(page, "Kirjaa mittaus");
    await measure.getByLabel("Mittauspäivä").fill("2021-12-31");
    await measure.getByLabel("Arvo").fill("kuusikymmentä");
    await measure.getByRole("button", { name: "Kirjaa mittaus" }).click();
    const valueError = page.getByRole("alert");
    await valueError.getByText("Anna arvo lukuna, esimerkiksi 12,5.").waitFor();
    expect(await valueError.getByRole("link").first().getAttribute("href")).toMatch(
      /^#field-measurement-[0-9a-f-]+-value$/,
    );
    await expectNoAxeViolations(page, "goal page with the measurement form's errors");
    await measure.getByLabel("Arvo").fill("62,5");
    await measure.getByRole("button", { name: "Kirjaa mittaus" }).click();
    await expect.poll(() => chartTable.locator("tbody tr").count()).toBe(4);
    await chartTable.getByRole("cell", { name: "62,5", exact: true }).waitFor();
    // 62.5 against the path's 63 on that day: 2.5 of the 3 expected, 83 %: behind.
    await page.locator(".strategy-indicator-status").getByText("Jäljessä").waitFor();

    await formWith(page, "Kirjaa mittaus").getByLabel("Mittauspäivä").fill("2022-12-31");
    await formWith(page, "Kirjaa mittaus").getByLabel("Arvo").fill("66,5");
    await formWith(page, "Kirjaa mittaus").getByRole("button", { name: "Kirjaa mittaus" }).click();
    await chartTable.getByRole("cell", { name: "66,5", exact: true }).waitFor();
    await page.locator(".strategy-indicator-status").getByText("Tavoitteessa").waitFor();
    // The intermediate target's day has both the measured value and the target; its row has no gap.
    const row = chartTable.locator("tbody tr", { hasText: "66,5" });
    expect(await row.locator("td").allTextContents()).toEqual(["66,5", "66", "66"]);
    await expectNoAxeViolations(page, "goal page with measurements");
    // The three refusals above were answered 400 (the browser logs each); nothing else went wrong.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    expect(errors).toHaveLength(3);
    await context.close();
  });

  it("shows the public page to a visitor: statuses in words, each chart followed by its table, read by keyboard", async () => {
    const caller = adminCaller(staff.person);
    const strategies = app.platform.services.strategies;
    const strategy = await strategies.create(caller, {
      name: "Kymenlaakson maakuntastrategia",
      startYear: 2021,
      endYear: 2025,
      status: "adopted",
      vision: "**Elinvoimainen** Kymenlaakso",
    });
    const goal = await strategies.createGoal(caller, strategy.id, {
      category: "regional_development",
      title: "Työllisyys kasvaa",
    });
    const { indicator } = await strategies.createIndicator(caller, goal.id, employmentRate);
    for (const [date, value] of [
      ["2021-12-31", "61"],
      ["2022-12-31", "63"],
    ])
      await strategies.createMeasurement(caller, indicator.id, { date, value });

    const { page, context, errors } = await openPage(browser, app);
    await page.goto("/strategies");
    await page.getByRole("link", { name: "Kymenlaakson maakuntastrategia" }).click();
    await page.getByRole("heading", { level: 1, name: "Kymenlaakson maakuntastrategia" }).waitFor();
    await page.getByText("Kausi 2021–2025").waitFor();
    // 63 against 66 on the intermediate target's day: 3 of 6 expected, 50 %: off track, said in words.
    await page.locator(".strategy-indicator-status").getByText("Selvästi jäljessä").waitFor();
    await page.getByRole("heading", { name: "Miten tila lasketaan" }).waitFor();
    expect(await page.getByRole("heading", { name: "Miten tila lasketaan" }).count()).toBe(1);
    const chart = page.getByRole("img", { name: "Työllisyysaste: mitattu ja tavoitepolku" });
    await chart.waitFor();
    expect(await chart.getAttribute("aria-describedby")).toBeTruthy();

    // The table has column headers and a row header per day, so a screen reader's table keys read it cell by cell.
    const table = page.getByRole("table", { name: "Työllisyysaste: mitattu ja tavoitepolku" });
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "Päivä",
      "Mitattu (%)",
      "Odotettu tavoitepolulla (%)",
      "Tavoite (%)",
    ]);
    expect(await table.getByRole("rowheader").count()).toBe(4);
    // By keyboard: the overview's category links are in the tab order and take the reader to the category.
    const overview = page.getByRole("table", { name: "Indikaattorit tiloittain kussakin luokassa" });
    const link = overview.getByRole("link", { name: "Alueen kehittäminen, maankäyttö, elinympäristö ja elinkeinot" });
    await page.locator("main").focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await link.evaluate((a) => a === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#category-regional_development");
    await expectNoAxeViolations(page, "strategy page");
    await page.goto("/strategies");
    await expectNoAxeViolations(page, "strategies list");
    expect(errors).toEqual([]);
    await context.close();

    const phone = await openPage(browser, app, { viewport: { width: 360, height: 740 } });
    await phone.page.goto(`/strategies/${strategy.id}`);
    await phone.page.getByRole("img", { name: "Työllisyysaste: mitattu ja tavoitepolku" }).waitFor();
    const overflow = await horizontalOverflow(phone.page);
    expect(overflow.scrollWidth, overflow.widest.join("\n")).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(phone.page, "strategy page on a phone");
    await phone.context.close();
  });

  it("keeps a draft from visitors and shows it to staff, and works without JavaScript", async () => {
    const caller = adminCaller(staff.person);
    const draft = await app.platform.services.strategies.create(caller, {
      name: "Luonnosstrategia",
      startYear: 2026,
      endYear: 2029,
    });
    const visitor = await openPage(browser, app);
    const refused = await visitor.page.goto(`/strategies/${draft.id}`);
    expect(refused?.status()).not.toBe(200);
    await visitor.page.goto("/strategies");
    expect(await visitor.page.getByRole("link", { name: "Luonnosstrategia" }).count()).toBe(0);
    await visitor.context.close();

    const noScript = await openPage(browser, app, { storageState: staff.storageState, javaScriptEnabled: false });
    await noScript.page.goto(`/strategies/${draft.id}`);
    await noScript.page.getByText("Tämä on luonnos: sen näkevät vain valmistelijat.").waitFor();
    await noScript.page.getByRole("link", { name: "Muokkaa strategiaa" }).click();
    await noScript.page.getByRole("heading", { level: 1, name: "Muokkaa: Luonnosstrategia" }).waitFor();
    await noScript.page.getByLabel("Kauden päättymisvuosi").fill("2025");
    await noScript.page.getByRole("button", { name: "Tallenna" }).click();
    await noScript.page.getByRole("link", { name: /Päättymisvuoden pitää olla|päättymisvuoden/i }).waitFor();
    expect(await noScript.page.getByRole("alert").getByRole("link").first().getAttribute("href")).toBe(
      "#field-endYear",
    );
    await noScript.context.close();
  });
});
