import jobs from "../jobs/module.ts";
import accounts from "./accounts/module.ts";
import alliances from "./alliances/module.ts";
import archive from "./archive/module.ts";
import audit from "./audit/module.ts";
import commitments from "./commitments/module.ts";
import deliverables from "./deliverables/module.ts";
import events from "./events/module.ts";
import files from "./files/module.ts";
import groups from "./groups/module.ts";
import type { ModuleContext, ModuleDeclaration, ModuleServer } from "./module.ts";
import newsletter from "./newsletter/module.ts";
import people from "./people/module.ts";
import programme from "./programme/module.ts";
import publishing from "./publishing/module.ts";
import strategy from "./strategy/module.ts";
import templates from "./templates/module.ts";
import walls from "./walls/module.ts";

/**
 * Every module, listed once. A module declares its messages, pages and navigation in its `module.ts` and its
 * services, jobs, API and other routes in its `server.ts`; its tables are its `schema.ts` (drizzle.config.ts
 * finds them). This file stays light (no server code is imported here), so the route config and the catalogs
 * can read it.
 *
 * Order matters twice: services are built in this order (a module may `need` those before it), and routes are
 * mounted in it where paths share a prefix: templates, programme and deliverables have fixed paths under
 * /api/groups and come before groups' /groups/{id}.
 */
export const modules = [
  accounts,
  people,
  audit,
  jobs,
  files,
  walls,
  templates,
  programme,
  deliverables,
  groups,
  events,
  strategy,
  commitments,
  alliances,
  publishing,
  newsletter,
  archive,
] as const;

type Module = (typeof modules)[number];
type ServerOf<M> = M extends { server: () => Promise<{ default: infer S }> } ? S : never;
type ServicesOf<S> = S extends { services: (context: ModuleContext) => infer R } ? R : unknown;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every module's services, by name: `platform.services`. */
export type ModuleServices = Intersection<ServicesOf<ServerOf<Module>>>;
/** Every module's message keys. */
export type ModuleMessageKey = MessageKeysOf<Module>;
// A module without messages infers its key type as plain `string`: it adds no keys.
type MessageKeysOf<M> = M extends ModuleDeclaration<infer K> ? (string extends K ? never : K) : never;

export interface LoadedModule {
  name: string;
  server: ModuleServer;
}

/** The modules' server halves, in registry order (loaded once, when the platform starts). */
export async function loadModuleServers(): Promise<LoadedModule[]> {
  return Promise.all(modules.map(async (module) => ({ name: module.name, server: (await module.server()).default })));
}

/** Builds every module's services in registry order; `need` finds one built before, or any once all are built. */
export function buildModuleServices(
  loaded: readonly LoadedModule[],
  context: Omit<ModuleContext, "need">,
): { services: ModuleServices; context: ModuleContext } {
  const services: Record<string, unknown> = {};
  const full: ModuleContext = {
    ...context,
    need: <T>(name: string): T => {
      if (!Object.hasOwn(services, name)) throw new Error(`no service "${name}" (yet): check the registry's order`);
      return services[name] as T;
    },
  };
  for (const { name, server } of loaded) {
    for (const [key, service] of Object.entries(server.services?.(full) ?? {})) {
      if (Object.hasOwn(services, key)) throw new Error(`module ${name} defines the service "${key}" a second time`);
      services[key] = service;
    }
  }
  return { services: services as ModuleServices, context: full };
}
