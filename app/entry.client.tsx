import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { isLocale } from "../src/i18n/locale.ts";
import type { Catalog } from "../src/i18n/translate.ts";
import { ClientCatalogs, fetchCatalog } from "./ui/ClientCatalogs.tsx";

// The page's texts come as their own cached file (root.tsx names it on <html data-catalog>), so React hydrates
// with exactly the texts the server rendered with. Until then the server's HTML is there and readable.
async function hydrate() {
  const root = document.documentElement;
  const locale = root.lang;
  const href = root.dataset.catalog;
  const initial: Record<string, Catalog> = {};
  if (href && isLocale(locale)) initial[locale] = await fetchCatalog(href);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <ClientCatalogs initial={initial}>
          <HydratedRouter />
        </ClientCatalogs>
      </StrictMode>,
    );
  });
}

void hydrate();
