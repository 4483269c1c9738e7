import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import type { Locale } from "../../../src/i18n/locale.ts";
import { catalogs } from "../../../src/i18n/translate.ts";
import { CatalogContext, type RootData } from "../i18n.ts";

/**
 * Renders UI as the server does: inside a data router whose "root" route has the
 * root loader's data (language), with the catalogs the server renders with, so useI18n() and useLocation() work.
 */
export async function renderWithRoot(
  node: ReactNode,
  { locale = "fi", url = "http://localhost/list" }: { locale?: Locale; url?: string } = {},
): Promise<string> {
  const rootData: RootData = { locale, catalogHref: `/i18n/${locale}.json`, actor: null, navigation: [] };
  const routes = [{ id: "root", path: "/*", loader: () => rootData, element: node }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(url));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <CatalogContext.Provider value={{ catalogs }}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </CatalogContext.Provider>,
  );
}
