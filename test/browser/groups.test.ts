import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../src/core/caller.ts";
import { operatingModelExample } from "../../src/modules/templates/operating-model.ts";
import { startTestApp, type TestApp } from "../support/server.ts";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, openPage, signedInState } from "./support.ts";

const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe("working groups and deliverables in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof signedInState>>;
  let staff: Awaited<ReturnType<typeof signedInState>>;
  let janna: Awaited<ReturnType<typeof signedInState>>;
  let ilkka: Awaited<ReturnType<typeof signedInState>>;
  let groupSlug: string;
  let deliverableId: string;
  let sectionIds: string[];
  let templateId: string;
  const callerOf = (who: typeof staff, role: "admin" | "staff" | "member"): Caller => ({
    actor: { id: who.person.id, name: who.person.name, email: who.person.email, role },
    locale: "fi",
  });

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    admin = await signedInState(browser, app, "admin", "Kaisa Muutosjohtaja");
    staff = await signedInState(browser, app, "staff", "Sanna Valmistelija");
    janna = await signedInState(browser, app, "member", "Janna Puumalainen");
    ilkka = await signedInState(browser, app, "member", "Ilkka Pirskanen");
    const services = app.platform.services;
    const group = await services.groups.create(callerOf(staff, "staff"), {
      name: "Maakuntastrategia",
      theme: "Maakuntastrategian uusi toimintamalli",
      isPublic: true,
      convenerId: janna.person.id,
    });
    await services.groups.setMember(callerOf(staff, "staff"), group.id, { userId: ilkka.person.id });
    groupSlug = group.slug;
    const templates = await services.deliverableTemplates.list(callerOf(staff, "staff"));
    templateId = templates.find((t) => t.key === "operating-model")?.id ?? "";
    const deliverable = await services.deliverables.create(callerOf(janna, "member"), group.id, { templateId });
    deliverableId = deliverable.id;
    const { sections } = await services.deliverables.get(callerOf(janna, "member"), deliverable.id);
    sectionIds = sections.map((s) => s.id);
    for (const number of [1, 2, 3, 4]) {
      await services.deliverables.saveSection(callerOf(janna, "member"), sectionIds[number - 1] ?? "", {
        body: operatingModelExample[number] ?? "",
        baseVersion: 0,
      });
    }
    await services.deliverables.update(callerOf(janna, "member"), deliverable.id, { isPublic: true });
    await services.deliverables.addDeadline(callerOf(janna, "member"), deliverable.id, {
      kind: "report",
      dueOn: "2017-06-30",
    });
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  const sectionPath = (index: number) => `/d/${deliverableId}/s/${sectionIds[index]}`;
  const sectionText = (page: Page) => page.getByLabel("Osion teksti", { exact: true });

  it("refuses the second of two members' saves of a section, shows the newer text and who saved it, and keeps the writer's own", async () => {
    const first = await openPage(browser, app, { storageState: janna.storageState });
    const second = await openPage(browser, app, { storageState: ilkka.storageState });
    // Both open section 5, nobody has written it yet.
    await first.page.goto(sectionPath(4));
    await second.page.goto(sectionPath(4));
    await first.page.getByText("kuvaile tähän asiakaslähtöinen maakunnan uusi", { exact: false }).waitFor();

    await second.page.getByRole("heading", { level: 1, name: "5. Uusi toimintamalli" }).waitFor();
    await sectionText(second.page).fill("Tuloksena on tiivis, ohjaava strategia.\n- Seurantaindikaattorit");
    await second.page.getByRole("button", { name: "Tallenna osio" }).click();
    await second.page.getByText("Tallennettu versiona 1.").waitFor();

    const mine = "Valmisteluprosessi on avoin, osallistava ja digitaalinen.";
    await sectionText(first.page).fill(mine);
    await first.page.getByRole("button", { name: "Tallenna osio" }).click();
    const summary = first.page.getByRole("alert");
    await summary.getByText(/Ilkka Pirskanen tallensi tähän osioon uudemman version/).waitFor();
    await first.page
      .getByRole("heading", { name: /Uudempi teksti \(versio 1\), tallentanut Ilkka Pirskanen/ })
      .waitFor();
    await first.page.locator(".conflict pre").getByText("- Seurantaindikaattorit", { exact: false }).waitFor();
    expect(await sectionText(first.page).inputValue()).toBe(mine);
    await expectNoAxeViolations(first.page, "section with a refused save");

    // Having seen the newer text, the writer combines the two and saves on top of it.
    await sectionText(first.page).fill(`Tuloksena on tiivis, ohjaava strategia.\n- Seurantaindikaattorit\n${mine}`);
    await first.page.getByRole("button", { name: "Tallenna osio" }).click();
    await first.page.getByText("Tallennettu versiona 2.").waitFor();

    // The history compares the two versions line by line, the change named in words.
    await first.page.getByRole("button", { name: "Vertaa versioita" }).click();
    await first.page.getByRole("heading", { level: 1, name: /^Muutoshistoria: 5\. Uusi toimintamalli/ }).waitFor();
    const added = first.page.getByRole("row").filter({ hasText: mine });
    await expect.poll(() => added.getByRole("cell").first().textContent()).toContain("Lisätty");
    expect(await added.locator("ins").textContent()).toBe(mine);
    await first.page.getByText("1 rivi lisätty, 0 riviä poistettu").waitFor();
    await expectNoAxeViolations(first.page, "section history");
    // The refused save's 409 response is logged by the browser itself; nothing else may be.
    expect([...first.errors, ...second.errors].filter((e) => !e.includes("status of 409"))).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  it("refuses a stale save without JavaScript too, the writer's text still in the form", async () => {
    const writer = await openPage(browser, app, { storageState: janna.storageState, javaScriptEnabled: false });
    await writer.page.goto(sectionPath(5));
    await app.platform.services.deliverables.saveSection(callerOf(ilkka, "member"), sectionIds[5] ?? "", {
      body: "Keskeinen ohjausväline maakunnan toimintaan",
      baseVersion: 0,
    });
    await sectionText(writer.page).fill("Oma tekstini ilman skriptejä");
    await writer.page.getByRole("button", { name: "Tallenna osio" }).click();
    await writer.page.getByText("Keskeinen ohjausväline maakunnan toimintaan").waitFor();
    expect(await sectionText(writer.page).inputValue()).toBe("Oma tekstini ilman skriptejä");
    await writer.page.getByRole("button", { name: "Tallenna osio" }).click();
    await writer.page.getByText("Tallennettu versiona 2.").waitFor();
    await writer.context.close();
  });

  it("downloads the deliverable as a Word document and a slide deck", async () => {
    const { page, context } = await openPage(browser, app, { storageState: ilkka.storageState, acceptDownloads: true });
    await page.goto(`/d/${deliverableId}`);
    for (const [name, extension] of [
      ["Word-asiakirjana (DOCX)", "docx"],
      ["PowerPoint-esityksenä (PPTX)", "pptx"],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
      expect(download.suggestedFilename()).toBe(`uuden-toimintamallin-kuvaus-maakuntastrategia.${extension}`);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      expect(bytes.subarray(0, 2).toString()).toBe("PK");
      expect(bytes.length).toBeGreaterThan(5_000);
    }
    await context.close();
  });

  it("lets staff set up a group, a member start a deliverable and send it for comments, and staff return it", async () => {
    const staffPage = await openPage(browser, app, { storageState: staff.storageState });
    await staffPage.page.goto("/groups");
    await staffPage.page.getByLabel("Nimi", { exact: true }).fill("Kasvupalvelut");
    await staffPage.page.getByLabel("Kokoonkutsuja").selectOption({ label: "Ilkka Pirskanen" });
    await staffPage.page.getByRole("button", { name: "Perusta työryhmä" }).click();
    await staffPage.page.getByRole("heading", { level: 1, name: "Kasvupalvelut" }).waitFor();
    await staffPage.page.getByRole("link", { name: "Ryhmän tiedot ja jäsenet" }).click();
    await staffPage.page.getByLabel("Henkilö", { exact: true }).selectOption({ label: "Janna Puumalainen" });
    await staffPage.page.getByRole("button", { name: "Lisää ryhmään" }).click();
    await staffPage.page.getByText("Jäsenet päivitetty.").waitFor();
    const groupUrl = staffPage.page.url().replace(/\/settings$/, "");

    const member = await openPage(browser, app, { storageState: janna.storageState });
    await member.page.goto(groupUrl);
    await member.page.getByRole("link", { name: "Avaa ryhmän seinä" }).waitFor();
    await member.page.getByLabel(/^Otsikko/).fill("Kasvupalvelujen toimintamalli");
    await member.page.getByRole("button", { name: "Luo tuotos" }).click();
    await member.page.getByRole("heading", { level: 1, name: "Kasvupalvelujen toimintamalli" }).waitFor();
    await member.page.getByRole("button", { name: "Lähetä kommentoitavaksi" }).click();
    await member.page.getByText("Tila: Kommentoitavana").waitFor();
    await member.page.getByRole("button", { name: "Jätä koordinaatioryhmälle" }).click();
    await member.page.getByText("Tila: Jätetty").waitFor();
    expect(await member.page.getByRole("button", { name: "Hyväksy" }).count()).toBe(0);

    await staffPage.page.goto("/groups/coordination");
    await staffPage.page.getByRole("link", { name: "Kasvupalvelujen toimintamalli" }).click();
    await staffPage.page.getByRole("button", { name: "Palauta korjattavaksi" }).click();
    await staffPage.page.getByRole("alert").getByText("Kerro kommentissa, mitä tuotoksessa pitää korjata.").waitFor();
    await expectNoAxeViolations(staffPage.page, "deliverable with a status error");
    await staffPage.page.getByLabel(/^Kommentti/).fill("Täydennä talous ja henkilöstö.");
    await staffPage.page.getByRole("button", { name: "Palauta korjattavaksi" }).click();
    await staffPage.page.getByText("Tila: Palautettu korjattavaksi").waitFor();
    await staffPage.page.getByText("Täydennä talous ja henkilöstö.").waitFor();
    await staffPage.context.close();
    await member.context.close();
  });

  it("lets an admin define a template whose sections take the order given", async () => {
    const { page, context } = await openPage(browser, app, { storageState: admin.storageState });
    await page.goto("/admin/templates");
    await page.getByRole("link", { name: "Uusi pohja" }).click();
    await page.getByLabel("Nimi suomeksi").fill("Kokeilun kuvaus");
    const rows = page.locator("fieldset.template-section");
    await rows.nth(0).getByLabel("Otsikko suomeksi").fill("Tavoite");
    await rows
      .nth(0)
      .getByLabel(/^Ohje suomeksi/)
      .fill("mitä kokeilulla tavoitellaan");
    await rows
      .nth(0)
      .getByLabel(/^Otsikko ruotsiksi/)
      .fill("Mål");
    await rows.nth(1).getByLabel("Otsikko suomeksi").fill("Aikataulu");
    await rows.nth(1).getByLabel("Järjestysnumero").fill("1");
    await rows.nth(0).getByLabel("Järjestysnumero").fill("2");
    await page.getByRole("button", { name: "Luo pohja" }).click();
    await page.getByText("Pohja tallennettu.").waitFor();
    await expect
      .poll(() => page.locator("fieldset.template-section").nth(0).getByLabel("Otsikko suomeksi").inputValue())
      .toBe("Aikataulu");
    await expectNoAxeViolations(page, "template edit");
    await context.close();
  });

  it("has no WCAG 2.1 A/AA violations on any working-group page, and none scrolls sideways on a phone", async () => {
    const pages: { path: string; who: typeof staff | null }[] = [
      { path: "/groups", who: staff },
      { path: `/groups/${groupSlug}`, who: janna },
      { path: `/groups/${groupSlug}/settings`, who: janna },
      { path: `/d/${deliverableId}`, who: janna },
      { path: sectionPath(0), who: ilkka },
      { path: `${sectionPath(4)}/history?from=0&to=2`, who: ilkka },
      { path: "/groups/coordination", who: staff },
      { path: "/admin/templates", who: admin },
      { path: `/admin/templates/${templateId}`, who: admin },
      { path: "/timeline", who: staff },
      { path: "/timeline?phase=new", who: staff },
      // What the public sees of a public group and its published deliverable.
      { path: `/groups/${groupSlug}`, who: null },
      { path: `/d/${deliverableId}`, who: null },
    ];
    for (const size of [{}, phone]) {
      const contexts = new Map<unknown, Awaited<ReturnType<typeof openPage>>>();
      for (const spec of pages) {
        let opened = contexts.get(spec.who);
        if (!opened) {
          opened = await openPage(browser, app, {
            ...size,
            ...(spec.who ? { storageState: spec.who.storageState } : {}),
          });
          contexts.set(spec.who, opened);
        }
        const response = await opened.page.goto(spec.path);
        expect(response?.status(), spec.path).toBe(200);
        await opened.page.getByRole("heading", { level: 1 }).waitFor();
        if (size === phone) {
          const overflow = await horizontalOverflow(opened.page);
          expect(overflow.scrollWidth, `${spec.path} at 360 px: ${overflow.widest.join(", ")}`).toBeLessThanOrEqual(
            360,
          );
        } else {
          await expectNoAxeViolations(opened.page, `${spec.path} (${spec.who?.person.name ?? "visitor"})`);
        }
      }
      for (const opened of contexts.values()) {
        expect(opened.errors).toEqual([]);
        await opened.context.close();
      }
    }
  });

  it("sends a visitor to sign in for a group that is not public", async () => {
    const group = await app.platform.services.groups.create(callerOf(staff, "staff"), { name: "Sisäinen ryhmä" });
    const { page, context } = await openPage(browser, app);
    await page.goto(`/groups/${group.slug}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await context.close();
  });
});
