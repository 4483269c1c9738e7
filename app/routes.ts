import { index, type RouteConfig, route } from "@react-router/dev/routes";
import type { ModuleDeclaration } from "../src/modules/module.ts";
import { modules } from "../src/modules/registry.ts";

// The shell's own pages, then every registered module's (declared in its module.ts), then "not found".
export default [
  index("routes/home.tsx"),
  ...(modules as readonly ModuleDeclaration[]).flatMap((module) =>
    (module.pages ?? []).map((page) => route(page.path, page.file)),
  ),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
