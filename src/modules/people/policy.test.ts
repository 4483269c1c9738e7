import { afterAll, beforeAll, describe } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import { expectPolicyDecides, type Who } from "../../../test/support/policy-matrix.ts";
import { createPerson } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import type { Database } from "../../db/client.ts";
import { peoplePolicy } from "./policy.ts";
import { createPeopleService, type PeopleService } from "./service.ts";

/** Every people action, made through the real service as each kind of visitor. */
describe("people policy", () => {
  let database: Database;
  let people: PeopleService;
  const callers = {} as Record<Who, Caller>;
  let organisationId = "";
  let personId = "";
  const as = (who: Who) => callers[who];

  beforeAll(async () => {
    database = await openTestDatabase();
    people = createPeopleService(database.db);
    callers.anonymous = { actor: null, locale: "fi" };
    for (const role of ["member", "staff", "admin"] as const) {
      const p = await createPerson(database, role);
      callers[role] = { actor: { id: p.id, name: p.name, email: p.email, role }, locale: "fi" };
    }
    organisationId = (await people.createOrganisation(callers.admin, { name: "Policy Org", kind: "other" })).id;
    personId = (await createPerson(database, "member")).id;
  });
  afterAll(() => database.close());

  expectPolicyDecides(
    peoplePolicy,
    {
      listOrganisations: ["member", "staff", "admin"],
      manageOrganisations: ["admin"],
      listPeople: ["member", "staff", "admin"],
      managePeople: ["admin"],
      updateOwnProfile: ["member", "staff", "admin"],
    },
    {
      listOrganisations: { listOrganisations: (who) => people.listOrganisations(as(who)) },
      manageOrganisations: {
        createOrganisation: (who) =>
          people.createOrganisation(as(who), { name: `Org ${crypto.randomUUID()}`, kind: "other" }),
        updateOrganisation: (who) =>
          people.updateOrganisation(as(who), organisationId, {
            name: `Policy Org ${crypto.randomUUID()}`,
            kind: "region",
          }),
        getOrganisationForEditing: (who) => people.getOrganisationForEditing(as(who), organisationId),
      },
      listPeople: {
        pagePeople: (who) => people.pagePeople(as(who)),
        countPeople: (who) => people.countPeople(as(who)),
        listPeople: (who) => people.listPeople(as(who)),
      },
      managePeople: {
        updatePerson: (who) => people.updatePerson(as(who), personId, { title: `Title ${crypto.randomUUID()}` }),
        getPersonForEditing: (who) => people.getPersonForEditing(as(who), personId),
      },
      updateOwnProfile: {
        updateOwnProfile: (who) => people.updateOwnProfile(as(who), { title: "Oma titteli" }),
        getOwnProfile: (who) => people.getOwnProfile(as(who)),
      },
    },
  );
});
