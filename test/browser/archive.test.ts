import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, horizontalOverflow, openPage, signedInState, useBrowserApp } from "./support.ts";

/** The latest export's row (the table is newest first) once its status reads "Valmis". */
async function waitUntilDone(page: Page, reload: boolean) {
  const row = page.getByRole("table", { name: "Arkistoviennit, uusin ensin" }).getByRole("row").nth(1);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const text = (await row.textContent()) ?? "";
    if (text.includes("Valmis")) return row;
    expect(text).not.toContain("Epäonnistui");
    await page.waitForTimeout(500);
    // Without JavaScript nothing reads the progress again: the refresh link does.
    if (reload) await page.getByRole("link", { name: "Päivitä tilanne" }).click();
  }
  throw new Error("the archive export did not finish within a minute");
}

describe("the archive export page", () => {
  const web = useBrowserApp(async (app, browser) => ({
    admin: await signedInState(browser, app, "admin", "Arja Arkistoija"),
    auditor: await signedInState(browser, app, "auditor", "Tilintarkastaja Tuula"),
    member: await signedInState(browser, app, "member", "Jäsen Jussi"),
  }));

  it("lets an admin start an export that the job queue finishes, and download a ZIP with its manifest", async () => {
    const { page, context, errors } = await openPage(web.browser, web.app, { storageState: web.admin.storageState });
    await page.goto("/");
    await page.getByRole("link", { name: "Arkistointi", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Arkistovienti" }).waitFor();
    await page.getByText("Vientejä ei ole vielä tehty.").waitFor();
    await expectNoAxeViolations(page, "archive page, no exports");

    await page.getByRole("button", { name: "Aloita arkistovienti" }).click();
    await page.getByText("Arkistovienti on jonossa.").waitFor();
    // The page reads the progress again by itself while the export works (JavaScript on).
    const row = await waitUntilDone(page, false);
    await expectNoAxeViolations(page, "archive page, one export done");

    const download = page.waitForEvent("download");
    await row.getByRole("link", { name: "Lataa ZIP" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^uudistamo-archive-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile((await file.path()) ?? "")));
    const manifest = JSON.parse(strFromU8(zip["manifest.json"] as Uint8Array));
    expect(manifest.format).toBe("uudistamo-archive/1");
    const users = manifest.types.find((t: { type: string }) => t.type === "accounts.users");
    expect(users.count).toBeGreaterThanOrEqual(3);
    expect(zip["records/accounts.users.jsonl"]).toBeDefined();
    expect(strFromU8(zip["records/accounts.users.jsonl"] as Uint8Array)).toContain("Arja Arkistoija");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("works without JavaScript on a 360 px phone: the form starts one, the refresh link follows it", async () => {
    const { page, context } = await openPage(web.browser, web.app, {
      storageState: web.admin.storageState,
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    await page.goto("/admin/archive");
    await page.getByRole("button", { name: "Aloita arkistovienti" }).click();
    await page.getByText("Arkistovienti on jonossa.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/archive");
    const row = await waitUntilDone(page, true);
    await row.getByRole("link", { name: "Lataa ZIP" }).waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, overflow.widest.join("\n")).toBeLessThanOrEqual(360);
    await context.close();

    // axe-core needs JavaScript: the same page on the phone with it.
    const phone = await openPage(web.browser, web.app, {
      storageState: web.admin.storageState,
      viewport: { width: 360, height: 740 },
    });
    await phone.page.goto("/admin/archive");
    await phone.page.getByRole("link", { name: "Lataa ZIP" }).first().waitFor();
    const phoneOverflow = await horizontalOverflow(phone.page);
    expect(phoneOverflow.scrollWidth, phoneOverflow.widest.join("\n")).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(phone.page, "archive page on a 360 px phone");
    await phone.context.close();
  });

  it("shows an auditor the exports and their downloads but no form; refuses a member", async () => {
    const auditor = await openPage(web.browser, web.app, { storageState: web.auditor.storageState });
    await auditor.page.goto("/admin/archive");
    await auditor.page.getByText("Vain pääkäyttäjä voi aloittaa viennin.", { exact: false }).waitFor();
    expect(await auditor.page.getByRole("button", { name: "Aloita arkistovienti" }).count()).toBe(0);
    expect(await auditor.page.getByRole("link", { name: "Lataa ZIP" }).count()).toBeGreaterThan(0);
    const href = await auditor.page.getByRole("link", { name: "Lataa ZIP" }).first().getAttribute("href");
    const zip = await auditor.context.request.get(href ?? "");
    expect(zip.status()).toBe(200);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    // Starting one by posting the form anyway is refused.
    const post = await auditor.context.request.post("/admin/archive", {
      headers: { origin: web.app.url },
      form: {},
    });
    expect(post.status()).toBe(403);
    await expectNoAxeViolations(auditor.page, "archive page as an auditor");
    await auditor.context.close();

    const member = await openPage(web.browser, web.app, { storageState: web.member.storageState });
    await member.page.goto("/");
    expect(await member.page.getByRole("link", { name: "Arkistointi", exact: true }).count()).toBe(0);
    const response = await member.page.goto("/admin/archive");
    expect(response?.status()).toBe(403);
    expect(await member.page.getByRole("table", { name: "Arkistoviennit, uusin ensin" }).count()).toBe(0);
    const refused = await member.context.request.get(href ?? "");
    expect(refused.status()).toBe(403);
    await member.context.close();
  });
});
