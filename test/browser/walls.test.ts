import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { WallView } from "../../src/modules/walls/presenters.ts";
import {
  adminCaller,
  expectNoAxeViolations,
  horizontalOverflow,
  openPage,
  signedInStaff,
  useBrowserApp,
} from "./support.ts";

describe("a live wall in two browsers", () => {
  const web = useBrowserApp(signedInStaff);
  const makeWall = (input: Record<string, unknown> = {}) =>
    web.app.platform.services.walls.create(adminCaller(web.staff.person), {
      title: "Seminaarin seinä",
      description: "Kommentit ja kysymykset",
      ...input,
    });

  async function openWall(wall: WallView, options: Parameters<typeof openPage>[2] = {}) {
    const opened = await openPage(web.browser, web.app, options);
    await opened.page.goto(`/w/${wall.slug}`);
    await opened.page.getByText("Päivittyy reaaliajassa").waitFor();
    return opened;
  }

  async function writeAndSend(page: Page, text: string, name?: string) {
    await page.getByLabel("Viesti", { exact: true }).fill(text);
    if (name) await page.getByLabel(/^Nimesi/).fill(name);
    await page.getByRole("button", { name: "Lähetä" }).click();
  }

  it("shows a post made with the plus button in the other browser without reloading, anonymous by default", async () => {
    const wall = await makeWall();
    const writer = await openWall(wall);
    const reader = await openWall(wall, { viewport: { width: 360, height: 740 } });
    await writer.page.getByRole("button", { name: "Uusi viesti" }).click();
    await expect.poll(() => writer.page.evaluate(() => document.activeElement?.id)).toBe("composer-body");
    await writeAndSend(writer.page, "Hyvä avaus, kiitos!");
    const post = reader.page.getByRole("article").filter({ hasText: "Hyvä avaus, kiitos!" });
    await post.waitFor({ timeout: 3000 });
    await expect.poll(() => post.locator(".post-author").textContent()).toBe("Nimetön");
    await writer.page.getByText("Lähetetty").waitFor();
    expect([...writer.errors, ...reader.errors]).toEqual([]);
    await writer.context.close();
    await reader.context.close();
  });

  it("opens the composer by double-clicking the wall and by the N key, and posts under a name", async () => {
    const wall = await makeWall();
    const writer = await openWall(wall);
    const reader = await openWall(wall);
    await writer.page.locator(".wall-toolbar").dblclick({ position: { x: 600, y: 10 } });
    await writeAndSend(writer.page, "Kaksoisklikkaus toimii", "Aino Kotkasta");
    await reader.page
      .getByRole("article")
      .filter({ hasText: "Kaksoisklikkaus toimii" })
      .locator(".post-author", { hasText: "Aino Kotkasta" })
      .waitFor();

    await writer.page.locator("body").click({ position: { x: 5, y: 300 } });
    await writer.page.keyboard.press("n");
    await expect.poll(() => writer.page.evaluate(() => document.activeElement?.id)).toBe("composer-body");
    await writer.page.keyboard.type("Näppäimistöllä kirjoitettu");
    // The name is remembered from the previous post.
    await expect.poll(() => writer.page.getByLabel(/^Nimesi/).inputValue()).toBe("Aino Kotkasta");
    await writer.page.getByRole("button", { name: "Lähetä" }).press("Enter");
    await reader.page.getByRole("article").filter({ hasText: "Näppäimistöllä kirjoitettu" }).waitFor();
    await writer.context.close();
    await reader.context.close();
  });

  it("keeps new posts behind a 'new posts' button while the reader writes, and Escape returns focus", async () => {
    const wall = await makeWall();
    const busy = await openWall(wall);
    const other = await openWall(wall);
    const plus = busy.page.getByRole("button", { name: "Uusi viesti" });
    await plus.click();
    await busy.page.getByLabel("Viesti", { exact: true }).fill("Kesken…");
    await other.page.getByRole("button", { name: "Uusi viesti" }).click();
    await writeAndSend(other.page, "Tulee kesken kirjoittamisen");
    const button = busy.page.getByRole("button", { name: /1 uusi viesti/ });
    await button.waitFor();
    expect(await busy.page.getByRole("article").filter({ hasText: "Tulee kesken kirjoittamisen" }).count()).toBe(0);
    await busy.page.keyboard.press("Escape");
    await expect
      .poll(() => busy.page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Uusi viesti");
    await button.click();
    await busy.page.getByRole("article").filter({ hasText: "Tulee kesken kirjoittamisen" }).waitFor();
    await busy.context.close();
    await other.context.close();
  });

  it("uploads an image with its text alternative, and the other browser shows it", async () => {
    const wall = await makeWall();
    const writer = await openWall(wall);
    const reader = await openWall(wall);
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#2a6ebb" } })
      .png()
      .toBuffer();
    await writer.page.getByRole("button", { name: "Uusi viesti" }).click();
    await writer.page
      .getByLabel(/^Kuva tai tiedosto/)
      .setInputFiles({ name: "fläppi.png", mimeType: "image/png", buffer: png });
    await writer.page.getByText("Liitetty: fläppi.png").waitFor();
    await writer.page.getByLabel("Viesti", { exact: true }).fill("Ryhmän fläppitaulu");
    await writer.page.getByRole("button", { name: "Lähetä" }).click();
    await writer.page.getByText("Kirjoita kuvalle vaihtoehtoinen teksti", { exact: false }).waitFor();
    await writer.page.getByLabel("Kuvan tekstivastine").fill("Fläppitaulu, jossa ryhmän kolme tärkeintä kysymystä");
    await writer.page.getByRole("button", { name: "Lähetä" }).click();
    const image = reader.page.getByRole("img", { name: "Fläppitaulu, jossa ryhmän kolme tärkeintä kysymystä" });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800);
    await writer.context.close();
    await reader.context.close();
  });

  it("hides a post live when a moderator hides it", async () => {
    const wall = await makeWall();
    const reader = await openWall(wall);
    const moderator = await openWall(wall, { storageState: web.staff.storageState });
    await reader.page.getByRole("button", { name: "Uusi viesti" }).click();
    await writeAndSend(reader.page, "Asiaton viesti");
    const onModeratorScreen = moderator.page.getByRole("article").filter({ hasText: "Asiaton viesti" });
    await onModeratorScreen.getByRole("button", { name: "Moderoi" }).click();
    await onModeratorScreen.getByRole("button", { name: "Piilota" }).click();
    await expect
      .poll(() => reader.page.getByRole("article").filter({ hasText: "Asiaton viesti" }).count(), { timeout: 3000 })
      .toBe(0);
    await onModeratorScreen.getByText("Piilotettu").waitFor();
    await reader.context.close();
    await moderator.context.close();
  });

  it("sends a post written while offline when the connection returns, once", async () => {
    const wall = await makeWall();
    const writer = await openWall(wall);
    const reader = await openWall(wall);
    await writer.context.setOffline(true);
    await writer.page.getByRole("button", { name: "Uusi viesti" }).click();
    await writeAndSend(writer.page, "Kirjoitettu ilman verkkoa");
    await writer.page.getByText(/Odottaa yhteyttä/).waitFor();
    await writer.context.setOffline(false);
    await reader.page
      .getByRole("article")
      .filter({ hasText: "Kirjoitettu ilman verkkoa" })
      .waitFor({ timeout: 10_000 });
    await writer.page.getByText("Lähetetty").waitFor({ timeout: 10_000 });
    const { posts } = await web.app.platform.services.walls.posts(
      { ...adminCaller(web.staff.person), participantHash: null, addressHash: "x", hasJoinCode: () => true },
      wall.id,
    );
    expect(posts.filter((p) => p.body === "Kirjoitettu ilman verkkoa")).toHaveLength(1);
    await writer.context.close();
    await reader.context.close();
  });

  it("gets the posts it missed after its network drops", async () => {
    const wall = await makeWall();
    const reader = await openWall(wall);
    const writer = await openWall(wall);
    await reader.context.setOffline(true);
    await writer.page.getByRole("button", { name: "Uusi viesti" }).click();
    await writeAndSend(writer.page, "Katkon aikana kirjoitettu");
    await writer.page.getByText("Lähetetty").waitFor();
    await reader.context.setOffline(false);
    await reader.page
      .getByRole("article")
      .filter({ hasText: "Katkon aikana kirjoitettu" })
      .waitFor({ timeout: 15_000 });
    expect(await reader.page.getByRole("article").filter({ hasText: "Katkon aikana kirjoitettu" }).count()).toBe(1);
    await reader.context.close();
    await writer.context.close();
  });

  it("works without JavaScript: the plain form posts and the post is there after the reload", async () => {
    const wall = await makeWall();
    const { page, context } = await openPage(web.browser, web.app, { javaScriptEnabled: false });
    await page.goto(`/w/${wall.slug}`);
    await page.getByText("Kirjoita viesti").click();
    await page.getByLabel("Viesti", { exact: true }).fill("Ilman skriptejä");
    await page.getByRole("button", { name: "Lähetä" }).click();
    await page.getByRole("article").filter({ hasText: "Ilman skriptejä" }).waitFor();
    await context.close();
  });

  it("asks for the join code on an event-only wall", async () => {
    const wall = await makeWall({ access: "join_code", joinCode: "KOTKA-31" });
    const { page, context } = await openPage(web.browser, web.app);
    await page.goto(`/w/${wall.slug}`);
    await page.getByLabel("Liittymiskoodi").fill("väärä");
    await page.getByRole("button", { name: "Liity" }).click();
    await page.getByText("Koodi ei kelpaa").first().waitFor();
    await expectNoAxeViolations(page, "join page with error");
    await page.getByLabel("Liittymiskoodi").fill("kotka-31");
    await page.getByRole("button", { name: "Liity" }).click();
    await page.getByRole("heading", { name: "Seminaarin seinä" }).waitFor();
    await context.close();
  });

  it("has no WCAG 2.1 A/AA violations on the wall, the composer, the presenter and the settings, and fits a phone", async () => {
    const wall = await makeWall({ layout: "columns", sections: ["Kysymys 1", "Kysymys 2"] });
    const writer = await openWall(wall);
    await writer.page.getByRole("button", { name: "Uusi viesti" }).click();
    await writeAndSend(writer.page, "**Tärkeä** huomio https://kymenlaakso.fi");
    await writer.page.getByRole("article").first().waitFor();
    await expectNoAxeViolations(writer.page, "wall");
    await writer.page.getByRole("button", { name: "Uusi viesti" }).click();
    await expectNoAxeViolations(writer.page, "wall with composer open");

    const moderator = await openWall(wall, { storageState: web.staff.storageState });
    await expectNoAxeViolations(moderator.page, "wall as moderator");
    await moderator.page.goto(`/w/${wall.slug}/present`);
    await moderator.page.getByRole("img", { name: /QR-koodi/ }).waitFor();
    await expectNoAxeViolations(moderator.page, "presenter");
    await moderator.page.goto(`/w/${wall.slug}/settings`);
    await expectNoAxeViolations(moderator.page, "settings");
    await moderator.page.goto("/walls");
    await expectNoAxeViolations(moderator.page, "walls list");

    const phone = await openWall(wall, { viewport: { width: 360, height: 740 } });
    expect((await horizontalOverflow(phone.page)).scrollWidth).toBeLessThanOrEqual(360);
    await phone.page.getByRole("button", { name: "Uusi viesti" }).click();
    expect((await horizontalOverflow(phone.page)).scrollWidth).toBeLessThanOrEqual(360);
    for (const opened of [writer, moderator, phone]) await opened.context.close();
  });

  it("lets staff create a wall from the walls page", async () => {
    const { page, context } = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    await page.goto("/walls");
    await page.getByLabel("Seinän nimi").fill("Tukipalvelut 2: talous, henkilöstö");
    await page.getByLabel("Vain tilaisuuden liittymiskoodin tietävät").check();
    await page.getByRole("button", { name: "Luo seinä" }).click();
    await page.getByRole("heading", { name: "Tukipalvelut 2: talous, henkilöstö" }).waitFor();
    await page.getByText(/Liittymiskoodi: [A-Z2-9]{6}/).waitFor();
    await context.close();
  });
});
