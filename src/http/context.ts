import type { Caller } from "../core/caller.ts";
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
  /** The same request as a wall participant (their cookie is issued on /w/ pages). */
  wallViewer: WallViewer;
}

declare module "react-router" {
  interface AppLoadContext extends WebContext {}
}
