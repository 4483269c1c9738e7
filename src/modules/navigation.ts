import type { Actor } from "../core/caller.ts";
import type { MessageKey } from "../i18n/translate.ts";
import type { ModuleDeclaration, NavigationEntry } from "./module.ts";
import { modules } from "./registry.ts";

export interface NavigationLink {
  to: string;
  label: MessageKey;
}

const home: NavigationEntry<MessageKey> = { to: "/", label: "nav.home", roles: ["anyone"], order: 0 };

const entries: NavigationEntry<MessageKey>[] = [
  home,
  ...(modules as readonly ModuleDeclaration[]).flatMap(
    (module) => (module.navigation ?? []) as NavigationEntry<MessageKey>[],
  ),
].sort((a, b) => a.order - b.order);

/** The site navigation a person sees: the shell's home and every module's entries for their role. */
export function navigationFor(actor: Pick<Actor, "role"> | null): NavigationLink[] {
  return entries
    .filter((entry) => entry.roles.includes("anyone") || (actor !== null && entry.roles.includes(actor.role)))
    .map(({ to, label }) => ({ to, label }));
}
