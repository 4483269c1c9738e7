import type { Context } from "hono";
import type { AppEnv } from "../../http/context.ts";
import type { WallViewer } from "./viewer.ts";

/** The wall viewer of an API request; gives the browser a participant cookie if it has none. */
export function wallViewer(c: Context<AppEnv>): WallViewer {
  const { viewer, setCookie } = c
    .get("platform")
    .services.wallCookies.viewer(c.get("caller"), c.req.header("cookie"), c.get("clientIp"), { issue: true });
  if (setCookie) c.header("Set-Cookie", setCookie, { append: true });
  return viewer;
}
