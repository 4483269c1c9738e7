import type { Caller } from "../core/caller.ts";
import type { Locale } from "../i18n/locale.ts";
import type { WallViewer } from "../modules/walls/viewer.ts";
import type { Platform } from "../platform.ts";

/** Variables the middleware chain sets on every request. */
export interface AppEnv {
  Variables: {
    platform: Platform;
    caller: Caller;
    clientIp: string;
  };
}

/** What every React Router loader and action receives as `context`. */
export interface WebContext {
  services: Platform["services"];
  auth: Platform["auth"];
  caller: Caller;
  clientIp: string;
  publicUrl: string;
  /** Where the browser gets a language's texts: named by the server that serves them (i18n/catalog-files.ts). */
  catalogHref: (locale: Locale) => string;
  /** The same request as a wall participant (their cookie is issued on /w/ pages). */
  wallViewer: WallViewer;
}

declare module "react-router" {
  interface AppLoadContext extends WebContext {}
}
