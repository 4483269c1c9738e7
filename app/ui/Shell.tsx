import type { ReactNode } from "react";
import { Form, NavLink, useLocation } from "react-router";
import { SkipLink } from "suomifi-ui-components";
import { localeName, locales } from "../../src/i18n/locale.ts";
import type { MessageKey } from "../../src/i18n/translate.ts";
import { useActor, useI18n } from "./i18n.ts";
import { Button } from "./kit/Button.tsx";

interface NavItem {
  to: string;
  label: MessageKey;
  roles: readonly ("admin" | "staff" | "member" | "anyone")[];
}

const navItems: NavItem[] = [
  { to: "/", label: "nav.home", roles: ["anyone"] },
  { to: "/events", label: "nav.events", roles: ["anyone"] },
  { to: "/walls", label: "nav.walls", roles: ["admin", "staff"] },
  { to: "/groups", label: "groups.nav", roles: ["admin", "staff", "member"] },
  { to: "/admin/people", label: "nav.people", roles: ["admin", "staff", "member"] },
  { to: "/admin/organisations", label: "nav.organisations", roles: ["admin", "staff", "member"] },
  { to: "/admin/audit", label: "nav.audit", roles: ["admin"] },
  { to: "/admin/jobs", label: "nav.jobs", roles: ["admin"] },
  { to: "/profile", label: "nav.profile", roles: ["admin", "staff", "member"] },
];

/** Header with service name, language menu and sign-in state; navigation; main; footer. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const actor = useActor();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const visible = navItems.filter(
    (item) => item.roles.includes("anyone") || (actor && item.roles.includes(actor.role)),
  );

  return (
    <>
      <SkipLink href="#main">{t("shell.skipToContent")}</SkipLink>
      <header className="shell-header">
        <div className="shell-bar">
          <a href="/" className="shell-brand">
            <span className="shell-brand-name">{t("app.name")}</span>
            <span className="shell-brand-tagline">{t("app.tagline")}</span>
          </a>
          <nav aria-label={t("shell.languageMenu")} className="shell-languages">
            <ul>
              {locales.map((l) => (
                <li key={l}>
                  <a
                    href={`/language/${l}?next=${encodeURIComponent(here)}`}
                    lang={l}
                    hrefLang={l}
                    aria-current={l === locale ? "true" : undefined}
                  >
                    {localeName[l]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="shell-account">
            {actor ? (
              <>
                <span className="shell-signed-in">{t("shell.signedInAs", { name: actor.name })}</span>
                <Form method="post" action="/sign-out" reloadDocument>
                  <Button variant="link" className="shell-link-button">
                    {t("shell.signOut")}
                  </Button>
                </Form>
              </>
            ) : (
              <a href={`/sign-in?next=${encodeURIComponent(here)}`}>{t("shell.signIn")}</a>
            )}
          </div>
        </div>
        <nav aria-label={t("shell.mainNav")} className="shell-nav">
          <ul>
            {visible.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="shell-main">
        {children}
      </main>
      <footer className="shell-footer">
        <p>{t("shell.footer.about")}</p>
        <ul>
          <li>
            <a href="/api/openapi.json">{t("shell.footer.api")}</a>
          </li>
        </ul>
      </footer>
    </>
  );
}
