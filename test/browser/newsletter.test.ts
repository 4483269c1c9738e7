import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newsletterSubscribers } from "../../src/modules/newsletter/schema.ts";
import { expectNoAxeViolations, horizontalOverflow, openPage, signedInStaff, useBrowserApp } from "./support.ts";

const linkIn = (text: string, page: string) =>
  new RegExp(`https?://[^\\s>]+/newsletter/${page}\\?token=[^\\s>]+`).exec(text)?.[0] ?? "";

describe("newsletter in the browser: subscribe, confirm, receive an issue, unsubscribe", () => {
  const web = useBrowserApp(signedInStaff);
  const email = "selain.tilaaja@example.test";

  it("subscribes without JavaScript: a refused address named, then the confirmation mail's link", async () => {
    const { context, page } = await openPage(web.browser, web.app, { javaScriptEnabled: false });
    await page.goto("/newsletter");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Tilaa uutiskirje");
    await page.getByLabel("Sähköpostiosoite").fill("ei osoite");
    await page.getByLabel(/Tilaan uutiskirjeen/).check();
    // The browser's own check would stop a malformed address; the server's message is what this tests.
    await page.locator("form").evaluate((form) => form.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: "Tilaa" }).click();
    await page.getByRole("alert").getByText("Anna kelvollinen sähköpostiosoite.").first().waitFor();

    await page.getByLabel("Sähköpostiosoite").fill(email);
    await page.getByLabel(/Tilaan uutiskirjeen/).check();
    await page.getByRole("button", { name: "Tilaa" }).click();
    await page.getByText(/Kiitos! Jos osoite on kelvollinen/).waitFor();

    const mail = await web.app.smtp.waitFor(email, 15_000);
    expect(mail.subject).toBe("Vahvista uutiskirjeen tilaus");
    await page.goto(linkIn(mail.text, "confirm"));
    await page.getByRole("button", { name: "Vahvista tilaus" }).click();
    await page.getByText("Tilaus on vahvistettu. Kiitos!").waitFor();
    const [row] = await web.app.database.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, email));
    expect(row?.status).toBe("confirmed");
    await context.close();
  });

  it("staff compose, preview and send an issue with a progress bar; the subscriber unsubscribes from it", async () => {
    const { context, page, errors } = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    await page.goto("/newsletter/issues");
    await expectNoAxeViolations(page, "newsletter issues");
    await page.getByLabel("Otsikko").fill("Selaimen uutiskirje");
    await page.getByLabel("Johdanto").fill("Tervehdys **tilaajille**.");
    await page.getByRole("button", { name: "Tallenna" }).click();
    await page.waitForURL(/\/newsletter\/issues\/[\w-]+$/);
    await page.getByRole("region", { name: "Esikatselu" }).getByText("tilaajille").first().waitFor();
    await expectNoAxeViolations(page, "newsletter issue draft");
    await page.getByRole("button", { name: "Lähetä" }).click();
    await page.getByRole("progressbar").waitFor();
    await page.getByText(/Tila: Lähetetty/).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("newsletter-progress-text").textContent()).resolves.toBe(
      "Lähetetty 1, epäonnistui 0, jäljellä 0 / 1",
    );
    await expectNoAxeViolations(page, "newsletter issue sent");
    expect(errors).toEqual([]);
    await context.close();

    const issue = await web.app.smtp
      .waitFor(email, 15_000)
      .then(() => web.app.smtp.inbox.find((m) => m.to.includes(email) && m.subject === "Selaimen uutiskirje"));
    expect(issue?.html).toContain("<strong>tilaajille</strong>");
    const { context: reader, page: mailPage } = await openPage(web.browser, web.app, { javaScriptEnabled: false });
    await mailPage.goto(linkIn(issue?.text ?? "", "unsubscribe"));
    await mailPage.getByRole("button", { name: "Peru tilaus" }).click();
    await mailPage.getByText("Tilaus on peruttu ja osoitteesi poistettu.").waitFor();
    const rows = await web.app.database.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, email));
    expect(rows).toEqual([]);

    await reader.close();

    // The archive is public and shows the issue as its own page.
    const { context: visitor, page: archive } = await openPage(web.browser, web.app);
    await archive.goto("/newsletter/archive");
    await expectNoAxeViolations(archive, "newsletter archive");
    await archive.getByRole("link", { name: "Selaimen uutiskirje" }).click();
    await archive.getByRole("heading", { level: 1, name: "Selaimen uutiskirje" }).waitFor();
    await archive.getByText("tilaajille").waitFor();
    await expectNoAxeViolations(archive, "newsletter archive issue");
    await visitor.close();
  });

  it("unsubscribes by a mail program's RFC 8058 one-click POST (no Origin, no cookie)", async () => {
    const address = "yksi.klikkaus@example.test";
    await web.app.platform.services.newsletterSubscribers.subscribe(
      { actor: null, locale: "fi" },
      { email: address, locale: "fi", consent: true },
    );
    const mail = await web.app.smtp.waitFor(address, 15_000);
    const url = /<(http[^>]+)>/.exec(mail.headers["list-unsubscribe"] ?? "")?.[1] ?? "";
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    const rows = await web.app.database.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, address));
    expect(rows).toEqual([]);
    // Other forms without Origin are still refused.
    const other = await fetch(`${web.app.url}/newsletter`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=x%40example.test",
    });
    expect(other.status).toBe(403);
  });

  it("passes axe on the visitor's pages, errors shown too", async () => {
    const { context, page } = await openPage(web.browser, web.app);
    await page.goto("/newsletter");
    await expectNoAxeViolations(page, "newsletter subscribe");
    await page.locator("form").evaluate((form) => form.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: "Tilaa" }).click();
    await page.getByRole("alert").first().waitFor();
    await expectNoAxeViolations(page, "newsletter subscribe with errors");
    for (const path of ["/newsletter/confirm?token=x", "/newsletter/unsubscribe?token=x"]) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
      await page.getByRole("button").last().click();
      await page.getByText("Linkki on virheellinen, vanhentunut tai jo käytetty.").first().waitFor();
      await expectNoAxeViolations(page, `${path} refused`);
    }
    await context.close();
  });

  it("fits a phone and works from the keyboard", async () => {
    const { context, page } = await openPage(web.browser, web.app, { viewport: { width: 360, height: 740 } });
    for (const path of ["/newsletter", "/newsletter/archive", "/newsletter/unsubscribe?token=x"]) {
      await page.goto(path);
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, `${path}: ${overflow.widest.join(", ")}`).toBeLessThanOrEqual(360);
    }
    await page.goto("/newsletter");
    await page.getByLabel("Sähköpostiosoite").focus();
    await page.keyboard.type("nappaimisto@example.test");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByText(/Kiitos! Jos osoite on kelvollinen/).waitFor();
    await context.close();
  });
});
