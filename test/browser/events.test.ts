import { describe, expect, it } from "vitest";
import {
  adminCaller,
  expectNoAxeViolations,
  horizontalOverflow,
  openPage,
  signedInStaff,
  useBrowserApp,
} from "./support.ts";

describe("events in the browser", () => {
  const web = useBrowserApp(signedInStaff);

  it("lets staff create an event with an agenda and a workshop, and runs the workshop step by step", async () => {
    const { page, context, errors } = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    await page.goto("/events");
    await page.getByLabel("Tilaisuuden nimi").fill("Kymenlaakson maakuntauudistusseminaari");
    await page.getByLabel("Päivämäärä").fill("2016-08-31");
    await page.getByLabel("Alkaa").fill("08:45");
    await page.getByLabel("Päättyy").fill("19:00");
    await page.getByLabel(/^Paikkakunta/).fill("Kotka");
    await page.getByRole("button", { name: "Luo tilaisuus", exact: true }).click();
    await page.getByRole("heading", { name: "Hallinnoi: Kymenlaakson maakuntauudistusseminaari" }).waitFor();

    await page.getByLabel("Kello").fill("09:00");
    await page.getByLabel("Ohjelmanumero", { exact: true }).fill("Tilaisuuden avaus");
    await page.getByLabel(/^Puhujat/).fill("Jaakko Mikkola, maakuntajohtaja, Kymenlaakson Liitto");
    await page.getByRole("button", { name: "Lisää ohjelmanumero" }).click();
    await page.getByText(/9\.00 Tilaisuuden avaus/).waitFor();

    await page.getByLabel("Työpajan nimi").fill("Työosuus I");
    await page.getByLabel("Vaiheet").fill("15 | Valmisteluryhmän työn esittely\n30 | Keskustelu ja kommentit seinälle");
    await page.getByLabel(/^Ryhmät/).fill("SOTE\nMaakuntapalvelut");
    await page.getByRole("button", { name: "Lisää työpaja" }).click();
    await page.getByRole("link", { name: "Työosuus I" }).click();

    await page.getByText("Työpaja ei ole vielä alkanut.").waitFor();
    await page.getByRole("button", { name: "Aloita alusta" }).click();
    await page.getByRole("heading", { name: "Vaihe 1/2" }).waitFor();
    await expect.poll(() => page.locator(".facilitator-clock").textContent()).toMatch(/^Aikaa jäljellä: 1[45]:\d\d$/);
    await expectNoAxeViolations(page, "facilitator view");
    await page.getByRole("button", { name: "Seuraava vaihe" }).click();
    await page.getByRole("heading", { name: "Vaihe 2/2" }).waitFor();
    await page.getByText("Keskustelu ja kommentit seinälle").first().waitFor();

    await page
      .getByRole("link", { name: /Kymenlaakson maakuntauudistusseminaari/ })
      .first()
      .click();
    await page.getByRole("cell", { name: /Jaakko Mikkola, maakuntajohtaja, Kymenlaakson Liitto/ }).waitFor();
    await expectNoAxeViolations(page, "event page as staff");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets a visitor on a phone read the agenda, register, and open the event's wall", async () => {
    const event = await web.app.platform.services.events.create(adminCaller(web.staff.person), {
      title: "Kasvupalvelujen aluekierros: Varkaus",
      date: "2018-03-15",
      startTime: "12:00",
      endTime: "16:00",
      city: "Varkaus",
      regions: ["Keski-Suomi", "Pohjois-Karjala", "Etelä-Savo", "Pohjois-Savo"],
      joinCode: "VARKAUS",
    });
    await web.app.platform.services.events.addAgendaItem(adminCaller(web.staff.person), event.id, {
      time: "12:00",
      title: "Valmistelijoiden katsaukset",
    });
    const { page, context } = await openPage(web.browser, web.app, { viewport: { width: 360, height: 740 } });
    await page.goto(`/e/${event.slug}`);
    await page.getByRole("cell", { name: /Valmistelijoiden katsaukset/ }).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, "event page on a phone");
    await page.getByLabel(/^Nimi/).fill("Laura Mäkelä");
    await page.getByLabel(/^Kotiorganisaatio/).fill("Joensuun kaupunki");
    await page.getByRole("button", { name: "Ilmoittaudu" }).click();
    await page.getByText("Ilmoittautuminen vastaanotettu").waitFor();
    await page.getByRole("link", { name: "Avaa tilaisuuden kommenttiseinä" }).click();
    await page.getByText("Päivittyy reaaliajassa").waitFor();
    await context.close();
  });

  it("shows the events list and a series without WCAG 2.1 A/AA violations", async () => {
    const caller = adminCaller(web.staff.person);
    const series = await web.app.platform.services.events.createSeries(caller, {
      name: "Kasvupalvelujen aluekierros 2018",
    });
    await web.app.platform.services.events.create(caller, {
      title: "Aluekierros: Rovaniemi",
      date: "2018-03-13",
      startTime: "12:00",
      endTime: "16:00",
      city: "Rovaniemi",
      regions: ["Kainuu", "Pohjois-Pohjanmaa", "Lappi"],
      seriesId: series.id,
    });
    const { page, context } = await openPage(web.browser, web.app);
    await page.goto("/events");
    await expectNoAxeViolations(page, "events list");
    await page.goto(`/series/${series.slug}`);
    await page.getByRole("cell", { name: "Kainuu, Pohjois-Pohjanmaa, Lappi" }).waitFor();
    await expectNoAxeViolations(page, "series page");
    const manage = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    await manage.page.goto("/events");
    await expectNoAxeViolations(manage.page, "events list with the create form");
    await manage.context.close();
    await context.close();
  });

  it("links the agenda form's error summary to the agenda's own title field, without JavaScript", async () => {
    const caller = adminCaller(web.staff.person);
    const event = await web.app.platform.services.events.create(caller, {
      title: "Muutosjohtajakokous",
      date: "2019-03-20",
      startTime: "09:00",
      endTime: "12:00",
    });
    const { page, context } = await openPage(web.browser, web.app, {
      storageState: web.staff.storageState,
      javaScriptEnabled: false,
    });
    await page.goto(`/e/${event.slug}/manage`);
    const agendaForm = page.locator("form", { has: page.getByRole("heading", { name: "Lisää ohjelmanumero" }) });
    await agendaForm.getByLabel("Kello").fill("09:30");
    // Blank counts as empty (the one text rule), and `required` lets spaces through to the server.
    await agendaForm.getByLabel("Ohjelmanumero", { exact: true }).fill("   ");
    await agendaForm.getByRole("button", { name: "Lisää ohjelmanumero" }).click();
    const link = page.getByRole("alert").getByRole("link");
    await link.first().waitFor();
    expect(await link.count()).toBe(1);
    const titleId = await agendaForm.getByLabel("Ohjelmanumero", { exact: true }).getAttribute("id");
    expect(titleId).toBe("field-agenda-title");
    expect(await link.getAttribute("href")).toBe(`#${titleId}`);
    // The event's own form keeps its title field, which the link must not point at.
    expect(await page.locator("#field-title").count()).toBe(1);
    await expect(page.locator("#field-agenda-title").getAttribute("aria-invalid")).resolves.toBe("true");
    await context.close();
  });

  it("pages the past events, latest first, with a plain next-page link", async () => {
    const caller = adminCaller(web.staff.person);
    for (let i = 0; i < 21; i++) {
      await web.app.platform.services.events.create(caller, {
        title: `Mennyt tilaisuus ${String(i).padStart(2, "0")}`,
        date: `2010-01-${String(i + 1).padStart(2, "0")}`,
        startTime: "10:00",
        endTime: "11:00",
      });
    }
    const { page, context } = await openPage(web.browser, web.app, { javaScriptEnabled: false });
    await page.goto("/events");
    const past = page.getByRole("table", { name: "Menneet tilaisuudet" });
    await past.waitFor();
    expect(await past.getByRole("row").count()).toBe(21); // the header row and 20 events
    const next = page.getByRole("navigation", { name: "Menneet tilaisuudet: sivut" }).getByRole("link", {
      name: "Seuraava sivu",
    });
    await next.click();
    await page.waitForURL((url) => url.searchParams.has("past"));
    await past.getByRole("rowheader").first().waitFor();
    // The oldest events are on the later pages: the earliest of the 21 is there.
    await past.getByRole("link", { name: "Mennyt tilaisuus 00" }).waitFor();
    await context.close();
  });
});
