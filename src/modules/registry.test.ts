import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogs } from "../i18n/translate.ts";
import type { ModuleDeclaration } from "./module.ts";
import { loadModuleServers, modules } from "./registry.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const appDir = path.resolve(here, "../../app");
const declared = modules as readonly ModuleDeclaration[];

describe("module registry", () => {
  it("lists every module folder that declares a module.ts, once", () => {
    const folders = readdirSync(here, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(here, entry.name, "module.ts")))
      .map((entry) => entry.name);
    const names = declared.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(folders));
  });

  it("points every page at a route file under app/ and every navigation entry at a translated label", () => {
    const missing = declared.flatMap((module) =>
      (module.pages ?? []).filter((page) => !existsSync(path.join(appDir, page.file))).map((page) => page.file),
    );
    expect(missing).toEqual([]);
    const untranslated = declared.flatMap((module) =>
      (module.navigation ?? []).filter((entry) => !Object.hasOwn(catalogs.fi, entry.label)).map((e) => e.label),
    );
    expect(untranslated).toEqual([]);
  });

  it("gives each page URL to one module only", () => {
    const paths = declared.flatMap((module) => (module.pages ?? []).map((page) => page.path));
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });

  it("loads every module's server half, each with something to run", async () => {
    const loaded = await loadModuleServers();
    expect(loaded.map((module) => module.name)).toEqual(declared.map((module) => module.name));
    for (const { server } of loaded) expect(Object.keys(server).length).toBeGreaterThan(0);
  });
});
