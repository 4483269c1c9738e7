import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorChart, postsChart } from "../../app/ui/kit/chart-fixtures.testing.ts";
import { kitDocument } from "./kit-page.tsx";
import { collectPageErrors, expectNoAxeViolations, horizontalOverflow, launchBrowser } from "./support.ts";

// No page uses the kit yet, so the test renders the components on the server (as a page
// would be) into one static document and opens that: no app, no database.

const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

interface Focused {
  tag: string;
  id: string;
  text: string;
  href: string | null;
  visible: boolean;
}

/** What each Tab press focuses, until focus comes back round (or 80 presses). */
async function tabOrder(page: Page): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const box = element.getBoundingClientRect();
      return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        text: (element.textContent ?? "").replace(/\s+/g, " ").trim(),
        href: element.getAttribute("href"),
        // A focused element must be seen: some size and within the page's width.
        visible: box.width > 1 && box.height > 1 && box.left >= 0 && box.right <= document.documentElement.clientWidth,
      };
    });
    if (!focused) break;
    if (seen.length > 0 && focused.text === seen[0]?.text && focused.href === seen[0]?.href) break;
    seen.push(focused);
  }
  return seen;
}

describe("UI kit in a browser", () => {
  let browser: Browser;
  let html: string;

  beforeAll(async () => {
    [browser, html] = await Promise.all([launchBrowser(), kitDocument()]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(options: BrowserContextOptions = {}) {
    const context = await browser.newContext({ locale: "fi-FI", ...options });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.setContent(html);
    return { context, page, errors };
  }

  it.each([
    ["desktop", {}],
    ["phone (360 px)", phone],
  ] as const)("has no WCAG 2.1 A/AA violations (%s)", async (where, options) => {
    const { context, page, errors } = await open(options);
    await expectNoAxeViolations(page, `UI kit page, ${where}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ["desktop", {}],
    ["phone (360 px)", phone],
  ] as const)("reaches every sort link, page link and field with Tab, each visibly (%s)", async (_where, options) => {
    const { context, page } = await open(options);
    const order = await tabOrder(page);
    const hrefs = order.map((f) => f.href).filter(Boolean);
    for (const href of [
      "?q=kunta&sort=name&dir=desc",
      "?q=kunta&sort=organisation&dir=asc",
      "?q=kunta&sort=posts&dir=desc",
      "?q=kunta&sort=name&dir=asc&cursor=before-1",
      "?q=kunta&sort=name&dir=asc&cursor=after-3",
      "#field-agenda-time",
      "#field-agenda-title",
    ])
      expect(hrefs, `Tab order: ${JSON.stringify(order)}`).toContain(href);
    // Every field once (a date input takes a Tab per part; a radio group one Tab), then the four buttons.
    const controls = [...new Set(order.filter((f) => f.tag !== "a").map((f) => f.id || `${f.tag}: ${f.text}`))];
    expect(controls).toEqual([
      "field-title",
      "field-agenda-time",
      "field-agenda-title",
      "field-agenda-description",
      "field-agenda-kind",
      "field-agenda-date",
      "input: ",
      "button: Lisää ohjelmaan",
      "button: Esikatsele",
      "button: Poista",
      "button: Peru",
    ]);
    expect(order.filter((f) => !f.visible)).toEqual([]);
    await context.close();
  });

  it("takes the agenda form's error links to the agenda form's own fields", async () => {
    const { context, page } = await open();
    const summary = page.getByRole("alert");
    await summary.getByRole("link", { name: "Ohjelmanumero: Kirjoita ohjelmanumeron nimi." }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-agenda-title");
    const focused = page.locator(":focus");
    expect(await focused.getAttribute("name")).toBe("title");
    expect(await focused.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Ohjelmanumero", { exact: true }).getAttribute("id")).toBe("field-agenda-title");
    expect(await page.getByLabel("Tilaisuuden nimi", { exact: true }).getAttribute("aria-invalid")).toBeNull();
    await context.close();
  });

  it("names each chart image by its title and reads its numbers from the table that follows it", async () => {
    const { context, page } = await open();
    for (const spec of [indicatorChart, postsChart]) {
      const image = page.getByRole("img", { name: spec.title, exact: true });
      expect(await image.count()).toBe(1);
      const description = await image.evaluate((svg) =>
        (svg.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      );
      expect(description).toBe(spec.description);
      // The table right after it, found by its caption as a screen reader would.
      const table = page.getByRole("table", { name: spec.title, exact: true });
      const follows = await image.evaluate(
        (svg, title) =>
          svg.closest("figure")?.querySelector("table caption")?.textContent === title &&
          (svg.compareDocumentPosition(svg.closest("figure")?.querySelector("table") as Node) &
            Node.DOCUMENT_POSITION_FOLLOWING) !==
            0,
        spec.title,
      );
      expect(follows).toBe(true);
      const headers = await table.getByRole("columnheader").allTextContents();
      expect(headers.length).toBe(spec.series.length + 1);
      for (const series of spec.series) {
        for (const point of series.points) {
          if (point.y === null) continue;
          const shown = new Intl.NumberFormat("fi-FI").format(point.y);
          const rowCells = await table.getByRole("row").allInnerTexts();
          expect(rowCells.join("\n"), `${series.name} ${point.x}`).toContain(shown);
        }
      }
    }
    // Row by row: the measurements' table at 1 January 2026 says 31 measured, no target value.
    const row = page
      .getByRole("table", { name: indicatorChart.title })
      .getByRole("row", { name: /1\. tammikuuta 2026/ });
    // The dash is hidden from screen readers, which read "ei arvoa" (no value) instead.
    expect(await row.getByRole("cell").allTextContents()).toEqual(["31", "–ei arvoa"]);
    await context.close();
  });

  it("fits a 360 px phone without sideways scrolling, the table as labelled rows", async () => {
    const { context, page } = await open(phone);
    const { scrollWidth, widest } = await horizontalOverflow(page);
    expect(scrollWidth, `too wide: ${widest.join(", ")}`).toBeLessThanOrEqual(360);
    const label = await page
      .getByRole("table", { name: "Henkilöt" })
      .locator("td[data-label='Kotiorganisaatio']")
      .first()
      .evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toBe('"Kotiorganisaatio: "');
    await context.close();
  });
});
