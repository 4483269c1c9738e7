import type { ReactNode } from "react";
import { Form, NavLink, useLocation } from "react-router";
import { SkipLink } from "suomifi-ui-components";
import { localeName, locales } from "../../src/i18n/locale.ts";
import { useActor, useI18n, useSiteNavigation } from "./i18n.ts";
import { Button } from "./kit/Button.tsx";

/** Header with service name, language menu and sign-in state; navigation; main; footer. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const actor = useActor();
  const visible = useSiteNavigation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

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
