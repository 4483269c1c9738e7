import type { Caller } from "../../../src/core/caller.ts";
import type { Choice } from "./fields.tsx";

interface ChoiceServices {
  groups: { list(caller: Caller, query: { limit: number }): Promise<{ items: { id: string; name: string }[] }> };
  people: { pagePeople(caller: Caller, query: { limit: number }): Promise<{ items: { id: string; name: string }[] }> };
}

/** The working groups and people a goal's responsible may be chosen from (the first 200 of each, by name). */
export async function responsibleChoices(services: ChoiceServices, caller: Caller) {
  const [groups, people] = await Promise.all([
    services.groups.list(caller, { limit: 200 }),
    services.people.pagePeople(caller, { limit: 200 }),
  ]);
  const choice = (r: { id: string; name: string }): Choice => ({ value: r.id, label: r.name });
  return { groups: groups.items.map(choice), people: people.items.map(choice) };
}
