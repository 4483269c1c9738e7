import type { ReactNode } from "react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { type ErrorCode, errorStatus } from "../src/core/errors.ts";
import { navigationFor } from "../src/modules/navigation.ts";
import type { Route } from "./+types/root";
import { type RootData, useI18n } from "./ui/i18n.ts";
import { PageTitle } from "./ui/kit/PageTitle.tsx";
import { Shell } from "./ui/Shell.tsx";
import stylesHref from "./ui/styles.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // The blog's feeds, found by feed readers from any page (publishing module, src/modules/publishing/http.ts).
  { rel: "alternate", type: "application/rss+xml", href: "/feeds/rss.xml", title: "RSS" },
  { rel: "alternate", type: "application/atom+xml", href: "/feeds/atom.xml", title: "Atom" },
];

export function loader({ context }: Route.LoaderArgs) {
  const { locale, actor } = context.caller;
  // Every page carries this: the signed-in person's name and role for the shell, not their id or address.
  return {
    locale,
    actor: actor ? { name: actor.name, role: actor.role } : null,
    catalogHref: context.catalogHref(locale),
    // The modules' navigation entries this person's role sees (declared in each module.ts).
    navigation: navigationFor(actor),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const catalogHref = (useRouteLoaderData("root") as RootData | undefined)?.catalogHref;
  return (
    <html lang={locale} data-catalog={catalogHref}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The texts the scripts hydrate with, fetched alongside them (entry.client.tsx); a no-JS reader never needs them. */}
        {catalogHref ? <link rel="preload" href={catalogHref} as="fetch" crossOrigin="anonymous" /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

/** A route whose `handle` says `{ bare: true }` (the hall's big screen) is shown without the site's header and footer. */
export default function App() {
  const bare = useMatches().some((match) => (match.handle as { bare?: boolean } | undefined)?.bare);
  if (bare) {
    return (
      <main id="main" tabIndex={-1} className="bare-main">
        <Outlet />
      </main>
    );
  }
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // Loaders throw data(<error code>, {status}) for known errors; anything else is a bug.
  const code =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data in errorStatus
      ? (error.data as ErrorCode)
      : "INTERNAL";
  return (
    <Shell>
      <title>{`${t(notFound ? "errors.notFoundTitle" : "errors.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t(notFound ? "errors.notFoundTitle" : "errors.title")}</PageTitle>
      <p>{t(notFound ? "errors.NOT_FOUND" : `errors.${code}`)}</p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </Shell>
  );
}
