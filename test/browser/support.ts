import { createRequire } from "node:module";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { Role } from "../../src/modules/accounts/constants.ts";
import { createPerson, startTestApp, type TestApp } from "../support/server.ts";

/** Debian's Chromium; never a downloaded one. */
export const chromiumPath = "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The app and Chromium a block of browser tests share, with what `arrange` made for them. */
export type BrowserApp<T extends object = object> = { app: TestApp; browser: Browser } & T;

/**
 * Starts the app (with its web pages) and Chromium before the enclosing block's
 * tests and closes them after. `arrange` makes what the tests share (signed-in
 * people, a site); what it returns is on the object too. Read it in the tests
 * (`web.app`), not when the block is declared: it is filled in by beforeAll.
 */
export function useBrowserApp<T extends object = object>(
  arrange?: (app: TestApp, browser: Browser) => Promise<T>,
): BrowserApp<T> {
  const web = { app: undefined, browser: undefined } as unknown as BrowserApp<T>;
  beforeAll(async () => {
    [web.app, web.browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    if (arrange) Object.assign(web, await arrange(web.app, web.browser));
  });
  afterAll(async () => {
    await web.browser?.close();
    await web.app?.close();
  });
  return web;
}

/** A fresh context (own cookies) on the test app, Finnish unless told otherwise. */
export async function openPage(
  browser: Browser,
  app: TestApp,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: app.url, locale: "fi-FI", ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  return { context, page, errors };
}

/** Uncaught exceptions and console errors on the page (hydration mismatches end up here). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** Fills the sign-in form by its labels and presses the button, like a person would. */
export async function signInWithForm(
  page: Page,
  email: string,
  password: string,
  labels = { email: "Sähköpostiosoite", password: "Salasana", submit: "Kirjaudu" },
): Promise<void> {
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

/** Opens /sign-in, signs in and waits until the header shows the person's name. */
export async function signInThroughUi(page: Page, person: { email: string; password: string; name: string }) {
  await page.goto("/sign-in");
  await signInWithForm(page, person.email, person.password);
  await page.getByText(`Kirjautuneena: ${person.name}`).waitFor();
}

/**
 * A context already signed in as a new person of the role. The sign-in goes
 * through the form once; the session cookie is then reused, since better-auth
 * allows only five sign-ins a minute from one address.
 */
export async function signedInState(browser: Browser, app: TestApp, role: Role, name?: string) {
  const person = await createPerson(app.database, role, name ? { name } : {});
  const { context, page } = await openPage(browser, app);
  await signInThroughUi(page, person);
  const storageState = await context.storageState();
  await context.close();
  return { person, storageState };
}

/** For useBrowserApp: a staff member (Sanna Valmistelija) signed in once, as `staff`. */
export async function signedInStaff(app: TestApp, browser: Browser) {
  return { staff: await signedInState(browser, app, "staff", "Sanna Valmistelija") };
}

/** The Finnish admin caller services take, for arranging data without the UI. */
export function adminCaller(person: { id: string; name: string; email: string }) {
  return {
    actor: { id: person.id, name: person.name, email: person.email, role: "admin" as const },
    locale: "fi" as const,
  };
}

// ---------------------------------------------------------------------------
// axe-core

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core on the page as it is now, with the WCAG 2.1 A and AA rules. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, { runOnly: { type: "tag", values: tags } })) as {
      violations: AxeViolation[];
    };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, wcagTags);
}

/** A readable report of axe violations, for a developer to fix from. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} WCAG 2.1 A/AA violation(s) on ${where}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? "?"}): ${v.help}  ${v.helpUrl}`);
    for (const node of v.nodes) {
      lines.push(`    target: ${JSON.stringify(node.target)}`);
      lines.push(`    html:   ${node.html.replace(/\s+/g, " ").slice(0, 300)}`);
      if (node.failureSummary) lines.push(`    why:    ${node.failureSummary.replace(/\s*\n\s*/g, " | ")}`);
    }
  }
  return lines.join("\n");
}

/** Asserts the page has no WCAG 2.1 A/AA violations; prints them all if it has. */
export async function expectNoAxeViolations(page: Page, where = page.url()): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.error(formatViolations(where, violations));
  expect(violations, formatViolations(where, violations)).toEqual([]);
}

// ---------------------------------------------------------------------------
// layout

/** The document's width beyond the viewport, i.e. whether the page scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const widest: string[] = [];
    for (const element of Array.from(document.querySelectorAll("body *"))) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > viewport + 0.5) {
        const id = element.id ? `#${element.id}` : "";
        const cls =
          typeof element.className === "string" && element.className
            ? `.${element.className.split(/\s+/).join(".")}`
            : "";
        widest.push(`${element.tagName.toLowerCase()}${id}${cls} right=${Math.round(box.right)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, widest: widest.slice(0, 10) };
  });
}

// ---------------------------------------------------------------------------
// every page of the app, for the accessibility and phone-width checks

export type Who = "visitor" | "admin" | "member";

/** Every page checked, by name; the tests are declared from this list before the app starts. */
export const sitePageNames = [
  "home, signed out",
  "home, signed in as admin",
  "sign-in",
  "sign-in with an error shown",
  "forgot password",
  "reset password",
  "reset password with errors shown",
  "invitation, valid",
  "invitation, invalid token",
  "people",
  "people with invite form errors shown",
  "person",
  "organisations",
  "organisation",
  "audit log",
  "background jobs",
  "profile",
  "profile of a member",
  "audit log refused to a member",
  "unknown path (404)",
] as const;
export type SitePageName = (typeof sitePageNames)[number];

export interface PageSpec {
  name: SitePageName;
  path: string;
  who: Who;
  /** The HTTP status the page is served with. */
  status: number;
  /** The h1 the page must show, so a blank or wrong page is not checked by mistake. */
  heading: string | RegExp;
  /** Something to do on the page before checking it, e.g. submit a form to show its errors. */
  act?: (page: Page) => Promise<void>;
}

export interface SiteFixture {
  admin: Awaited<ReturnType<typeof signedInState>>;
  member: Awaited<ReturnType<typeof signedInState>>;
  organisationId: string;
  invitationLink: string;
  pages: Record<SitePageName, PageSpec>;
}

/**
 * Signs in an admin and a member (once each), adds an organisation and an open
 * invitation, and lists every page with who looks at it.
 */
export async function arrangeSite(browser: Browser, app: TestApp): Promise<SiteFixture> {
  const admin = await signedInState(browser, app, "admin", "Aino Admin");
  const member = await signedInState(browser, app, "member", "Matti Jäsen");
  const caller = adminCaller(admin.person);
  const organisation = await app.platform.services.people.createOrganisation(caller, {
    name: "Esimerkkilän kunta",
    kind: "municipality",
  });
  await app.platform.services.people.updatePerson(caller, member.person.id, { organisationId: organisation.id });
  const { link } = await app.platform.services.invitations.invite(caller, {
    name: "Kaisa Kutsuttu",
    email: "kaisa.kutsuttu@example.test",
    role: "staff",
    locale: "fi",
  });
  const invitationLink = link.replace(app.url, "");

  const list: PageSpec[] = [
    { name: "home, signed out", path: "/", who: "visitor", status: 200, heading: "Tervetuloa Uudistamoon" },
    { name: "home, signed in as admin", path: "/", who: "admin", status: 200, heading: "Tervetuloa Uudistamoon" },
    { name: "sign-in", path: "/sign-in", who: "visitor", status: 200, heading: "Kirjaudu sisään" },
    {
      name: "sign-in with an error shown",
      path: "/sign-in",
      who: "visitor",
      status: 200,
      heading: "Kirjaudu sisään",
      act: async (page) => {
        await signInWithForm(page, "nobody@example.test", "wrong-password-123");
        await page.getByText("Sähköpostiosoite tai salasana on väärin.").waitFor();
      },
    },
    {
      name: "forgot password",
      path: "/forgot-password",
      who: "visitor",
      status: 200,
      heading: "Salasanan palauttaminen",
    },
    {
      name: "reset password",
      path: "/reset-password?token=x",
      who: "visitor",
      status: 200,
      heading: "Aseta uusi salasana",
    },
    {
      name: "reset password with errors shown",
      path: "/reset-password?token=x",
      who: "visitor",
      status: 200,
      heading: "Aseta uusi salasana",
      act: async (page) => {
        await page.getByLabel("Uusi salasana", { exact: true }).fill("ensimmainen-salasana");
        await page.getByLabel("Uusi salasana uudelleen", { exact: true }).fill("toinen-salasana-123");
        await page.getByRole("button", { name: "Tallenna salasana" }).click();
        await page.getByRole("alert").waitFor();
      },
    },
    { name: "invitation, valid", path: invitationLink, who: "visitor", status: 200, heading: "Tervetuloa Uudistamoon" },
    {
      name: "invitation, invalid token",
      path: "/invitation?token=not-a-real-token",
      who: "visitor",
      status: 200,
      heading: "Tervetuloa Uudistamoon",
    },
    { name: "people", path: "/admin/people", who: "admin", status: 200, heading: "Henkilöt" },
    {
      name: "people with invite form errors shown",
      path: "/admin/people",
      who: "admin",
      status: 200,
      heading: "Henkilöt",
      act: async (page) => {
        await page.getByRole("button", { name: "Kutsu henkilö" }).click();
        await page.getByRole("alert").waitFor();
      },
    },
    {
      name: "person",
      path: `/admin/people/${member.person.id}`,
      who: "admin",
      status: 200,
      heading: `Muokkaa henkilöä: ${member.person.name}`,
    },
    { name: "organisations", path: "/admin/organisations", who: "admin", status: 200, heading: "Organisaatiot" },
    {
      name: "organisation",
      path: `/admin/organisations/${organisation.id}`,
      who: "admin",
      status: 200,
      heading: "Muokkaa organisaatiota: Esimerkkilän kunta",
    },
    { name: "audit log", path: "/admin/audit", who: "admin", status: 200, heading: "Muutosloki" },
    { name: "background jobs", path: "/admin/jobs", who: "admin", status: 200, heading: "Taustatyöt" },
    { name: "profile", path: "/profile", who: "admin", status: 200, heading: "Omat tiedot" },
    { name: "profile of a member", path: "/profile", who: "member", status: 200, heading: "Omat tiedot" },
    {
      name: "audit log refused to a member",
      path: "/admin/audit",
      who: "member",
      status: 403,
      // admin.test.ts checks what the page says; any heading will do here.
      heading: /\S/,
    },
    {
      name: "unknown path (404)",
      path: "/ei-tällaista-sivua",
      who: "visitor",
      status: 404,
      heading: "Sivua ei löytynyt",
    },
  ];
  const pages = Object.fromEntries(list.map((spec) => [spec.name, spec])) as Record<SitePageName, PageSpec>;
  return { admin, member, organisationId: organisation.id, invitationLink, pages };
}

/**
 * The site arranged (arrangeSite) with one context each for the visitor, the
 * admin and the member, their pages' script errors collected; `options` for
 * every context (e.g. a phone's viewport).
 */
export function useSiteInBrowser(options: BrowserContextOptions = {}) {
  return useBrowserApp(async (app, browser) => {
    const site = await arrangeSite(browser, app);
    const contexts = new Map<Who, BrowserContext>();
    const errors = new Map<Who, string[]>();
    for (const [who, storageState] of [
      ["visitor", undefined],
      ["admin", site.admin.storageState],
      ["member", site.member.storageState],
    ] as const) {
      const opened = await openPage(browser, app, { ...options, ...(storageState ? { storageState } : {}) });
      contexts.set(who, opened.context);
      errors.set(who, opened.errors);
    }
    return { site, contexts, errors };
  });
}

/** Opens a page as the given person, checks its status and heading, and does its action. */
export async function visit(page: Page, spec: PageSpec): Promise<void> {
  const response = await page.goto(spec.path);
  expect(response?.status(), `${spec.name}: HTTP status of ${spec.path}`).toBe(spec.status);
  await page.getByRole("heading", { level: 1, name: spec.heading, exact: true }).waitFor();
  if (spec.act) await spec.act(page);
}
