import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  addDays,
  formatPlainDate,
  helsinkiDate,
  noticeDeadline,
  type PlainDate,
  workingDayOnOrBefore,
} from "../../src/core/dates.ts";
import { contractFor, costFor, grantFor, secondmentFor } from "../../src/modules/commitments/test-fixture.ts";
import {
  adminCaller,
  expectNoAxeViolations,
  horizontalOverflow,
  openPage,
  signedInStaff,
  signedInState,
  useBrowserApp,
} from "./support.ts";

/** A service input as a form's text fields (what a browser would post). */
const asForm = (input: object): Record<string, string> =>
  Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => typeof v !== "object")
      .map(([k, v]) => [k, String(v)]),
  );

/** An end date some two months ahead whose one month's notice deadline falls on a Sunday (so the act-by day differs). */
function endWithSundayDeadline(): { end: PlainDate; deadline: PlainDate } {
  for (let days = 60; ; days++) {
    const end = addDays(helsinkiDate(), days);
    const deadline = noticeDeadline(end, { months: 1 });
    if (deadline.dayOfWeek === 7) return { end, deadline };
  }
}

describe("commitments pages in the browser", () => {
  const web = useBrowserApp(signedInStaff);

  it("lists the register, opens a contract with its notice deadline, and shows the secondments' return schedule on a phone", async () => {
    const caller = adminCaller(web.staff.person);
    const services = web.app.platform.services;
    const folder = await services.contracts.createFolder(caller, { name: "Vuokrat" });
    // 31.3.2019 + 3 months' notice before 30.6.2019: the deadline is a Sunday, so notice is to be given on Friday 29.3.
    const contract = await services.contracts.createContract(
      caller,
      contractFor(folder.folder.id, { name: "Toimitilojen vuokrasopimus", endDate: "2019-06-30", type: "lease" }),
    );
    await services.contracts.setContractReminders(caller, contract.contract.id, { noticeDays: 14 });
    await services.secondments.create(
      caller,
      secondmentFor(1, {
        personName: "Aino Paluu",
        plannedReturnDate: "2019-04-01",
        substitutes: [
          { name: "Pekka Sijainen", post: "osastonhoitaja" },
          { name: "Sanna Toinen", post: "apulaisosastonhoitaja" },
        ],
      }),
    );

    const { page, context, errors } = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    await page.goto("/commitments");
    await page.getByRole("heading", { level: 1, name: "Sopimusrekisteri" }).waitFor();
    await expectNoAxeViolations(page, "contract register");
    // By keyboard: the focused link to the contract opens with Enter.
    const link = page.getByRole("link", { name: "Toimitilojen vuokrasopimus" });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Toimitilojen vuokrasopimus" }).waitFor();
    await page
      .getByText(formatPlainDate("fi", "2019-03-31", "short"), { exact: true })
      .first()
      .waitFor();
    await page
      .getByText(formatPlainDate("fi", "2019-03-29", "short"), { exact: true })
      .first()
      .waitFor();
    await page.getByRole("row", { name: /Irtisanomisen määräpäivä/ }).waitFor();
    await expectNoAxeViolations(page, "contract page");
    expect(errors).toEqual([]);
    await context.close();

    const phone = await openPage(web.browser, web.app, {
      storageState: web.staff.storageState,
      viewport: { width: 360, height: 740 },
    });
    await phone.page.goto("/commitments/secondments");
    await phone.page.getByRole("heading", { level: 1, name: "Henkilösiirrot" }).waitFor();
    await phone.page.getByRole("heading", { level: 3, name: /^04\/2019: 1 henkilöä/ }).waitFor();
    await phone.page.getByText("Pekka Sijainen, osastonhoitaja → Sanna Toinen, apulaisosastonhoitaja").waitFor();
    const overflow = await horizontalOverflow(phone.page);
    expect(overflow.scrollWidth, overflow.widest.join("\n")).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(phone.page, "secondments on a phone");
    await phone.page.goto("/commitments");
    const registerOverflow = await horizontalOverflow(phone.page);
    expect(registerOverflow.scrollWidth, registerOverflow.widest.join("\n")).toBeLessThanOrEqual(360);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it("refuses the secondments page to a visitor who is not signed in", async () => {
    const { page, context } = await openPage(web.browser, web.app);
    const response = await page.goto("/commitments/secondments");
    expect(response?.status()).not.toBe(200);
    await context.close();
  });

  it("adds a folder and a contract through the forms without JavaScript, keeps a refused form filled in, shows the notice deadline, and mails the reminder", async () => {
    const email = web.staff.person.email;
    const { end, deadline } = endWithSundayDeadline();
    const actBy = workingDayOnOrBefore(deadline);
    const { page, context } = await openPage(web.browser, web.app, {
      storageState: web.staff.storageState,
      javaScriptEnabled: false,
    });
    // The register's link in the site navigation; every form is a plain POST.
    await page.goto("/");
    await page.getByRole("link", { name: "Sitoumukset", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Sopimusrekisteri" }).waitFor();
    await page.getByLabel("Kansion nimi").fill("Palvelusopimukset");
    await page.getByRole("button", { name: "Luo kansio" }).click();
    await page.getByText("Kansio Palvelusopimukset luotu.").waitFor();

    await page.getByRole("link", { name: "Uusi sopimus kansioon Palvelusopimukset" }).click();
    await page.getByRole("heading", { level: 1, name: "Uusi sopimus" }).waitFor();
    await page.getByLabel("Tyyppi", { exact: true }).selectOption({ label: "Hankinta" });
    await page.getByLabel("Nimi", { exact: true }).fill("Siivouspalvelut");
    await page.getByLabel("Numero", { exact: true }).fill("H-2019-7");
    await page.getByLabel("Tila", { exact: true }).selectOption({ label: "Voimassa" });
    await page.getByLabel("Alkaa", { exact: true }).fill("2018-01-01");
    await page.getByLabel(/^Päättyy/).fill(end.toString());
    await page.getByLabel(/^Irtisanomisaika/).fill("1");
    await page.getByLabel(/^Vastuuhenkilö/).selectOption({ value: web.staff.person.id });
    await page.getByLabel(/^Arvo/).fill("12 500,00");
    await page.getByLabel(/^Osapuolen nimi 1/).fill("Siivous Oy");
    // A business ID whose check digit is wrong: refused, named at its field, nothing saved.
    await page.getByLabel(/^Y-tunnus 1/).fill("1234567-2");
    await page.getByRole("button", { name: "Tallenna sopimus" }).click();
    await page
      .getByRole("alert")
      .getByText(/Y-tunnus on muotoa 1234567-8/)
      .waitFor();
    expect((await web.app.platform.services.contracts.listContracts(adminCaller(web.staff.person))).items).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ number: "H-2019-7" })]),
    );
    // The page came back from the server with what was typed still in the form.
    await expect.poll(() => page.getByLabel("Nimi", { exact: true }).inputValue()).toBe("Siivouspalvelut");
    expect(await page.getByLabel(/^Päättyy/).inputValue()).toBe(end.toString());
    expect(await page.getByLabel(/^Vastuuhenkilö/).inputValue()).toBe(web.staff.person.id);
    expect(await page.getByLabel(/^Y-tunnus 1/).inputValue()).toBe("1234567-2");
    await page.getByLabel(/^Y-tunnus 1/).fill("1234567-1");
    await page.getByRole("button", { name: "Tallenna sopimus" }).click();

    await page.getByRole("heading", { level: 1, name: "Siivouspalvelut" }).waitFor();
    const fact = (label: string) =>
      page
        .locator(".commitments-facts div")
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator("dd");
    expect(await fact("Irtisanottava viimeistään").textContent()).toBe(formatPlainDate("fi", deadline, "short"));
    expect(await fact("Irtisanottava (arkipäivä)").textContent()).toBe(formatPlainDate("fi", actBy, "short"));
    await page
      .getByText(
        `Irtisanomisen määräpäivä ${formatPlainDate("fi", deadline, "short")} ei ole arkipäivä: irtisano viimeistään ${formatPlainDate("fi", actBy, "short")}.`,
      )
      .waitFor();
    await page.getByRole("cell", { name: "1234567-1" }).waitFor();

    // A reminder 40 days before the notice deadline is due already: the sweep goes through the queue and mails it.
    await page.getByLabel(/^Päivää ennen irtisanomisen määräpäivää/).fill("40");
    await page.getByRole("button", { name: "Tallenna muistutukset" }).click();
    await page.getByText("Muistutukset on asetettu tälle sopimukselle.").waitFor();
    const mail = await web.app.smtp.waitFor(email, 30_000);
    expect(mail.subject).toContain("Muistutus: sopimuksen H-2019-7 irtisanomisen määräpäivä");
    expect(mail.text).toContain("Siivouspalvelut");
    // The same reminder in the app, on the register.
    await page.goto("/commitments");
    await page
      .getByRole("table", { name: "Sinulle lähteneet muistutukset" })
      .getByRole("link", { name: "H-2019-7 Siivouspalvelut" })
      .waitFor();
    await context.close();
  });

  it("fits a 360 px phone and is axe-clean on every commitments page; an auditor sees no forms", async () => {
    const caller = adminCaller(web.staff.person);
    const services = web.app.platform.services;
    const folder = await services.contracts.createFolder(caller, { name: "Puhelinkansio" });
    const contract = await services.contracts.createContract(
      caller,
      contractFor(folder.folder.id, {
        name: "Tietojärjestelmän ylläpitosopimus, joka on pitkä nimi",
        number: "P-1",
        endDate: "2019-12-31",
        optionPeriods: [{ start: "2020-01-01", end: "2020-12-31" }],
        parties: [{ name: "Ylläpito Oy", businessId: "1234567-1", role: "supplier" }],
      }),
    );
    const grant = await services.grants.create(caller, grantFor(1));
    await services.grants.addCost(caller, grant.grant.id, costFor({ description: "Loppuraportin taitto" }));
    const cost = await services.grants.addCost(caller, grant.grant.id, costFor({ description: "Tulkkaus" }));
    const secondment = await services.secondments.create(caller, secondmentFor(41, { personName: "Puhelin Paluu" }));
    await services.rampdown.addStandardChecklist(caller);
    const decision = await services.rampdown.decide(caller, {
      contractId: contract.contract.id,
      decision: "end",
      decidedOn: "2019-03-20",
      decidedBy: "Valmistelujohtaja",
    });
    const id = contract.contract.id;
    const pages: [string, string][] = [
      ["/commitments", "Sopimusrekisteri"],
      ["/commitments/contracts/new", "Uusi sopimus"],
      [`/commitments/contracts/${id}`, "Tietojärjestelmän ylläpitosopimus, joka on pitkä nimi"],
      [`/commitments/contracts/${id}/edit`, "Muokkaa sopimusta"],
      ["/commitments/secondments", "Henkilösiirrot"],
      ["/commitments/secondments/new", "Uusi henkilösiirto"],
      ["/commitments/grants", "Valtionavustukset"],
      [`/commitments/grants/${grant.grant.id}`, grant.grant.name],
      ["/commitments/rampdown", "Alasajosuunnitelma"],
      [`/commitments/secondments/${secondment.secondment.id}/edit`, "Muokkaa henkilösiirtoa"],
      [`/commitments/grants/${grant.grant.id}/edit`, "Muokkaa avustusta"],
      [`/commitments/costs/${cost.id}/edit`, "Muokkaa kustannusta"],
      [`/commitments/rampdown/decisions/${decision.decision.id}/edit`, "Muokkaa päätöstä"],
    ];
    const phone = await openPage(web.browser, web.app, {
      storageState: web.staff.storageState,
      viewport: { width: 360, height: 740 },
    });
    for (const [path, title] of pages) {
      const response = await phone.page.goto(path);
      expect(response?.status(), path).toBe(200);
      await phone.page.getByRole("heading", { level: 1, name: title }).waitFor();
      const overflow = await horizontalOverflow(phone.page);
      expect(overflow.scrollWidth, `${path}\n${overflow.widest.join("\n")}`).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(phone.page, path);
    }
    // A checklist item's owner and status, changed in its own form.
    await phone.page.goto("/commitments/rampdown");
    const item = phone.page
      .getByRole("listitem")
      .filter({ has: phone.page.getByRole("heading", { name: "Aikataulu valmistelun lopettamiselle" }) });
    await item.getByLabel(/^Vastuuhenkilö/).fill("Hallintojohtaja");
    await item.getByLabel("Tila", { exact: true }).selectOption({ label: "Työn alla" });
    await item.getByRole("button", { name: "Tallenna: Aikataulu valmistelun lopettamiselle" }).click();
    await item.getByText("Tila: Työn alla · Vastuu: Hallintojohtaja · Määräpäivä: –").waitFor();
    // A cost committed after the cut-off is booked as ineligible, with the rule that decided it.
    await phone.page.goto(`/commitments/grants/${grant.grant.id}`);
    await phone.page.getByLabel("Selite", { exact: true }).fill("Uusi konsulttityö");
    await phone.page.getByLabel("Päivä", { exact: true }).fill("2019-04-01");
    await phone.page.getByLabel(/^Sitoumuksen päivä/).fill("2019-03-20");
    await phone.page.getByLabel("Määrä", { exact: true }).fill("2 000,00");
    await phone.page.getByRole("button", { name: "Kirjaa kustannus" }).click();
    await phone.page
      .getByRole("row", { name: /Uusi konsulttityö/ })
      .getByText(
        "Ei tukikelpoinen: sitoumus on tehty määräpäivän jälkeen eikä ole välttämätön valmistelun päättämiseksi.",
      )
      .waitFor();
    // The grant's report downloads from its page.
    const download = phone.page.waitForEvent("download");
    await phone.page.goto(`/commitments/grants/${grant.grant.id}`);
    await phone.page.getByRole("link", { name: "Lataa selvitys (Word)" }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // An auditor reads everything and is offered no form.
    const auditor = await signedInState(web.browser, web.app, "auditor", "Tiina Tarkastaja");
    const reader = await openPage(web.browser, web.app, { storageState: auditor.storageState });
    await reader.page.goto(`/commitments/contracts/${id}`);
    await reader.page
      .getByRole("heading", { level: 1, name: "Tietojärjestelmän ylläpitosopimus, joka on pitkä nimi" })
      .waitFor();
    await reader.page.goto("/commitments/rampdown");
    await reader.page.getByRole("heading", { level: 2, name: "Tarkistuslista" }).waitFor();
    await reader.page.goto(`/commitments/grants/${grant.grant.id}`);
    await reader.page.getByRole("link", { name: "Lataa selvitys (Excel)" }).waitFor();
    for (const path of [
      "/commitments",
      `/commitments/contracts/${id}`,
      "/commitments/secondments",
      "/commitments/rampdown",
      `/commitments/grants/${grant.grant.id}`,
    ]) {
      await reader.page.goto(path);
      expect(await reader.page.locator("main form").count(), path).toBe(0);
      expect(await reader.page.getByRole("link", { name: /^Muokkaa/ }).count(), path).toBe(0);
    }
    expect((await reader.page.goto("/commitments/contracts/new"))?.status()).toBe(403);
    // The edit pages are refused, and so is a change posted to them: nothing is changed.
    const edits: [string, Record<string, string>][] = [
      [`/commitments/secondments/${secondment.secondment.id}/edit`, { ...asForm(secondmentFor(41)), fte: "0,10" }],
      [`/commitments/grants/${grant.grant.id}/edit`, { name: "Toinen nimi", amountCents: "1,00" }],
      [`/commitments/costs/${cost.id}/edit`, { description: "Toinen", amountCents: "1,00" }],
      [`/commitments/rampdown/decisions/${decision.decision.id}/edit`, { decision: "continue" }],
    ];
    for (const [path, form] of edits) {
      expect((await reader.page.goto(path))?.status(), path).toBe(403);
      const posted = await reader.page.request.post(path, { form, headers: { Origin: web.app.url } });
      expect(posted.status(), path).toBe(403);
    }
    expect((await services.secondments.get(caller, secondment.secondment.id)).secondment.fteHundredths).toBe(100);
    expect((await services.grants.get(caller, grant.grant.id)).grant.name).toBe(grant.grant.name);
    expect((await services.grants.getCost(caller, cost.id)).description).toBe("Tulkkaus");
    expect((await services.rampdown.getDecision(caller, decision.decision.id)).decision.decision).toBe("end");
    await reader.context.close();
  });

  it("edits a secondment's FTE share without JavaScript: a refused edit keeps what was typed, a saved one changes the totals", async () => {
    const caller = adminCaller(web.staff.person);
    const services = web.app.platform.services;
    // The only secondments on project funding: their row of the totals is this person's alone.
    const person = await services.secondments.create(
      caller,
      secondmentFor(31, {
        personName: "Eeva Muokattava",
        fundingSource: "project_funding",
        substitutes: [{ name: "Olli Ensimmäinen", post: "suunnittelija" }],
      }),
    );
    const { page, context } = await openPage(web.browser, web.app, {
      storageState: web.staff.storageState,
      javaScriptEnabled: false,
    });
    const projectRow = () =>
      page.getByRole("table", { name: "Rahoituslähteittäin" }).getByRole("row", { name: /^Hankerahoitus/ });
    await page.goto("/commitments/secondments");
    await projectRow().getByRole("cell", { name: "1,00", exact: true }).waitFor();
    await page.getByRole("link", { name: "Muokkaa henkilösiirtoa: Eeva Muokattava" }).click();
    await page.getByRole("heading", { level: 1, name: "Muokkaa henkilösiirtoa" }).waitFor();
    expect(await page.getByLabel(/^Htv/).inputValue()).toBe("1,00");
    expect(await page.getByLabel(/^Sijainen 1\b/).inputValue()).toBe("Olli Ensimmäinen");

    // Half time, but an agreed end before the start: refused at its field, nothing changes, the form keeps it all.
    await page.getByLabel(/^Työajan osuus/).fill("50");
    await page.getByLabel(/^Htv/).fill("0,50");
    await page.getByLabel(/^Sovittu päättymispäivä/).fill("2017-12-31");
    await page.getByLabel(/^Sijainen 2\b/).fill("Pia Toinen");
    await page.getByRole("button", { name: "Tallenna henkilösiirto" }).click();
    await page
      .getByRole("alert")
      .getByText(/Sovittu päättymispäivä ei voi olla ennen alkamispäivää/)
      .waitFor();
    expect((await services.secondments.get(caller, person.secondment.id)).secondment.fteHundredths).toBe(100);
    expect(await page.getByLabel(/^Htv/).inputValue()).toBe("0,50");
    expect(await page.getByLabel(/^Työajan osuus/).inputValue()).toBe("50");
    expect(await page.getByLabel(/^Sovittu päättymispäivä/).inputValue()).toBe("2017-12-31");
    expect(await page.getByLabel(/^Sijainen 2\b/).inputValue()).toBe("Pia Toinen");
    expect(await page.getByLabel(/^Sijainen 1\b/).inputValue()).toBe("Olli Ensimmäinen");

    await page.getByLabel(/^Sovittu päättymispäivä/).fill("2019-12-31");
    await page.getByRole("button", { name: "Tallenna henkilösiirto" }).click();
    await page.getByRole("heading", { level: 1, name: "Henkilösiirrot" }).waitFor();
    await projectRow().getByRole("cell", { name: "0,50", exact: true }).waitFor();
    const saved = await services.secondments.get(caller, person.secondment.id);
    expect(saved.secondment).toMatchObject({ fteHundredths: 50, sharePercent: 50, agreedEndDate: "2019-12-31" });
    expect(saved.substitutes.map((x) => x.name)).toEqual(["Olli Ensimmäinen", "Pia Toinen"]);
    await context.close();
  });

  it("imports a sheet with one bad row: the check names the row and stores nothing, the fixed sheet imports", async () => {
    const caller = adminCaller(web.staff.person);
    await web.app.platform.services.contracts.createFolder(caller, { name: "Tuontikansio" });
    const header =
      "Kansio;Tyyppi;Nimi;Numero;Diaarinumero;Osapuolet;Sopimuskausi;Optiokausi;Irtisanomisaika;Tila;Arvo;Metatiedot";
    const good =
      "Tuontikansio;Sopimus;Tulkkauspalvelut;T-1;;Toimittaja: Tulkit Oy (1234567-1);1.1.2019 – 31.12.2019;;3 kk;Voimassa;;";
    // Row 3: its end is before its start.
    const bad = "Tuontikansio;Sopimus;Käännöspalvelut;T-2;;;1.6.2019 – 1.1.2019;;;Voimassa;;";
    const sheet = (rows: string[]) => ({
      name: "sopimukset.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${rows.join("\n")}\n`, "utf8"),
    });
    const { page, context, errors } = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    await page.goto("/commitments");
    await page.getByRole("link", { name: "Tuo sopimuksia taulukosta" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Tuo sopimuksia taulukosta" }).waitFor();
    await page.getByLabel("Tiedosto").setInputFiles(sheet([header, good, bad]));
    await page.getByRole("button", { name: "Tarkista" }).click();
    const problems = page.getByRole("table", { name: /^Virheet \(1\)/ });
    await problems.getByRole("row", { name: /^3 / }).waitFor();
    await expectNoAxeViolations(page, "import with a bad row");
    // Importing it anyway stores nothing.
    await page.getByLabel("Tiedosto").setInputFiles(sheet([header, good, bad]));
    await page.getByRole("button", { name: "Tuo kaikki rivit" }).click();
    await page.getByRole("table", { name: /^Virheet \(1\)/ }).waitFor();
    const numbers = async () =>
      (await web.app.platform.services.contracts.listContracts(caller, { limit: 200 })).items.map((c) => c.number);
    expect(await numbers()).not.toContain("T-1");
    await page.getByLabel("Tiedosto").setInputFiles(sheet([header, good]));
    await page.getByRole("button", { name: "Tuo kaikki rivit" }).click();
    await page.getByText("1 sopimusta tuotu rekisteriin.").waitFor();
    expect(await numbers()).toContain("T-1");
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("produces the final report from the register as a Word document", async () => {
    const { page, context } = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    await page.goto("/commitments");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Laadi loppuraportti (Word)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await file.path()) ?? "");
    // A DOCX is a ZIP: it starts with "PK".
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    await context.close();
  });
});
