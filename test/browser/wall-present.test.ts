import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { WallView } from "../../src/modules/walls/presenters.ts";
import { adminCaller, expectNoAxeViolations, openPage, signedInStaff, useBrowserApp } from "./support.ts";

// The hall's screen: a projector or a big display at full HD.
const hallScreen = { viewport: { width: 1920, height: 1080 } };

const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));

describe("presenter mode and moderation", () => {
  const web = useBrowserApp(signedInStaff);
  const caller = () => adminCaller(web.staff.person);
  const makeWall = (input: Record<string, unknown> = {}) =>
    web.app.platform.services.walls.create(caller(), { title: "Kymenlaakson uudistusseminaari", ...input });
  let count = 0;
  const post = (wall: WallView, body: string) => {
    count += 1;
    return web.app.platform.services.posts.create(
      {
        actor: null,
        locale: "fi",
        participantHash: `presenter-${count}`,
        addressHash: "a",
        hasJoinCode: () => true,
      },
      wall.id,
      { body, idempotencyKey: `presenter-${count}` },
    );
  };

  async function present(wall: WallView) {
    const opened = await openPage(web.browser, web.app, { ...hallScreen, storageState: web.staff.storageState });
    await opened.page.goto(`/w/${wall.slug}/present`);
    await opened.page.getByRole("img", { name: /QR-koodi/ }).waitFor();
    await opened.page.getByText("Päivittyy reaaliajassa").waitFor();
    return opened;
  }

  it("fills the screen with large type, no site header or navigation, and a QR code and link readable from the back", async () => {
    const wall = await makeWall();
    await post(wall, "Ensimmäinen kysymys salista");
    const { page, context, errors } = await present(wall);
    expect(await page.locator(".shell-header, .shell-footer").count()).toBe(0);
    expect(await page.getByRole("navigation").count()).toBe(0);
    expect(await page.getByRole("banner").count()).toBe(0);

    // Large type: the title and the posts are read from across a hall.
    expect(await fontSize(page, "h1")).toBeGreaterThanOrEqual(48);
    expect(await fontSize(page, ".presenter-feed .post-body")).toBeGreaterThanOrEqual(28);
    // The presenter uses the whole screen.
    const box = await page.locator(".presenter").boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(1900);
    expect(box?.height).toBeGreaterThanOrEqual(1000);

    // The QR code at least a fifth of the screen's height, the link in big letters on one line.
    const qr = await page.getByRole("img", { name: /QR-koodi/ }).boundingBox();
    expect(qr?.width).toBeGreaterThanOrEqual(280);
    const link = page.locator(".presenter-link");
    expect(await fontSize(page, ".presenter-link")).toBeGreaterThanOrEqual(32);
    const lines = await link.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      return { lines: tops.size, height: element.getBoundingClientRect().height };
    });
    expect(lines.lines, "the short link breaks over lines").toBe(1);
    const linkFont = await fontSize(page, ".presenter-link");
    expect(lines.height).toBeLessThan(linkFont * 2);
    const linkBox = await link.boundingBox();
    expect((linkBox?.x ?? 0) + (linkBox?.width ?? 0)).toBeLessThanOrEqual(1920);

    await expectNoAxeViolations(page, "presenter");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps a long short link on one line, shrinking it to fit the side panel", async () => {
    const wall = await makeWall({ title: "Hyvinvointialueen strategian valmistelun avoin kuulemistilaisuus" });
    const { page, context } = await present(wall);
    const link = page.locator(".presenter-link");
    const fits = await link.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      const parent = element.parentElement?.getBoundingClientRect();
      const own = element.getBoundingClientRect();
      return { lines: tops.size, inside: !!parent && own.right <= parent.right + 0.5 && own.left >= parent.left - 0.5 };
    });
    expect(fits).toEqual({ lines: 1, inside: true });
    await context.close();
  });

  it("flows new posts in highlighted, and pauses: new posts are counted, not shown, until resumed", async () => {
    const wall = await makeWall();
    const { page, context } = await present(wall);
    await page.getByText("Seinällä ei ole vielä viestejä").waitFor();
    await expectNoAxeViolations(page, "empty presenter");

    await post(wall, "Tuli juuri");
    const arrived = page.getByRole("article").filter({ hasText: "Tuli juuri" });
    await arrived.waitFor();
    expect(await arrived.getAttribute("class")).toMatch(/\bpost-new\b/);
    await arrived.getByText("Uusi", { exact: true }).waitFor();

    const pause = page.getByRole("button", { name: "Pysäytä viestivirta" });
    await pause.click();
    const resume = page.getByRole("button", { name: /Jatka viestivirtaa/ });
    await resume.waitFor();
    expect(await page.locator(".presenter-paused").textContent()).toMatch(/Viestivirta on pysäytetty/);
    await post(wall, "Pysäytyksen aikana 1");
    await post(wall, "Pysäytyksen aikana 2");
    await page.getByRole("button", { name: "Jatka viestivirtaa (2 uutta viestiä)" }).waitFor();
    expect(await page.getByRole("article").filter({ hasText: "Pysäytyksen aikana" }).count()).toBe(0);
    await expectNoAxeViolations(page, "presenter paused");

    await resume.click();
    await expect.poll(() => page.getByRole("article").filter({ hasText: "Pysäytyksen aikana" }).count()).toBe(2);
    await page.getByRole("button", { name: "Pysäytä viestivirta" }).waitFor();
    expect(await page.getByRole("article").filter({ hasText: "Pysäytyksen aikana 2" }).getAttribute("class")).toMatch(
      /\bpost-new\b/,
    );
    await context.close();
  });

  it("puts a post's moderation behind one menu button, reachable by keyboard; Escape closes it and returns focus", async () => {
    const wall = await makeWall({ layout: "columns", sections: ["Kysymys 1", "Kysymys 2"] });
    await post(wall, "Moderoitava viesti");
    const { page, context, errors } = await openPage(web.browser, web.app, {
      viewport: { width: 1280, height: 900 },
      storageState: web.staff.storageState,
    });
    await page.goto(`/w/${wall.slug}`);
    await page.getByText("Päivittyy reaaliajassa").waitFor();
    const card = page.getByRole("article").filter({ hasText: "Moderoitava viesti" });
    expect(await card.locator("fieldset").count()).toBe(0);
    expect(await card.getByRole("button", { name: "Piilota" }).count()).toBe(0);
    const menuButton = card.getByRole("button", { name: /^Moderoi/ });
    expect(await menuButton.count()).toBe(1);
    expect(await menuButton.getAttribute("aria-expanded")).toBe("false");

    await menuButton.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => menuButton.getAttribute("aria-expanded")).toBe("true");
    const hide = card.getByRole("button", { name: "Piilota" });
    await hide.waitFor();
    await card.getByRole("button", { name: "Siirrä osioon: Kysymys 2" }).waitFor();
    await expectNoAxeViolations(page, "wall with a moderation menu open");
    await page.keyboard.press("Tab");
    expect(await hide.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => menuButton.getAttribute("aria-expanded")).toBe("false");
    expect(await menuButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await hide.isVisible()).toBe(false);

    // From the keyboard: open, move to Hide, press it; the post is hidden and focus is back on the menu button.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await card.getByText("Piilotettu").waitFor();
    await expect.poll(() => menuButton.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => menuButton.evaluate((button) => button === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, "wall as moderator after hiding");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the moderation menu works without JavaScript", async () => {
    const wall = await makeWall();
    await post(wall, "Ilman skriptejä moderoitava");
    const { page, context } = await openPage(web.browser, web.app, {
      javaScriptEnabled: false,
      storageState: web.staff.storageState,
    });
    await page.goto(`/w/${wall.slug}`);
    const card = page.getByRole("article").filter({ hasText: "Ilman skriptejä moderoitava" });
    await card.getByText(/^Moderoi/).click();
    await card.getByRole("button", { name: "Piilota" }).click();
    await page
      .getByRole("article")
      .filter({ hasText: "Ilman skriptejä moderoitava" })
      .getByText("Piilotettu", { exact: true })
      .waitFor();
    await context.close();
  });
});
