import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { rethrowUniqueViolation } from "../../db/errors.ts";
import { translate } from "../../i18n/translate.ts";
import { users } from "../accounts/schema.ts";
import { peopleAudit } from "./audit.ts";
import {
  type OrganisationInput,
  organisationInput,
  type PersonUpdateInput,
  type ProfileInput,
  personUpdateInput,
  profileInput,
} from "./inputs.ts";
import { peoplePolicy } from "./policy.ts";
import { organisations } from "./schema.ts";

export type Organisation = typeof organisations.$inferSelect;
export type OrganisationWithCount = Organisation & { memberCount: number };

export interface Person {
  id: string;
  name: string;
  email: string;
  role: (typeof users.$inferSelect)["role"];
  title: string | null;
  organisationId: string | null;
  organisationName: string | null;
  locale: (typeof users.$inferSelect)["locale"];
  createdAt: Date;
}

const personColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  title: users.title,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  locale: users.locale,
  createdAt: users.createdAt,
};

/** Organisation names are unique: a clash is a CONFLICT on the name field, not a crash. */
const uniqueName = <T>(caller: Caller, write: () => Promise<T>) =>
  rethrowUniqueViolation(
    write,
    () => new AppError("CONFLICT", [{ path: "name", message: translate(caller.locale, "errors.nameTaken") }]),
  );

const isUuid = (id: string) => z.uuid().safeParse(id).success;

export const peoplePageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
export type PeoplePageQuery = z.input<typeof peoplePageInput>;

/** People A–Z; namesakes in a stable order by id. */
const peoplePages = keyset({
  list: "people",
  key: users.name,
  keyType: "text",
  id: users.id,
  idType: "text",
  order: "asc",
});

/** A write that joins a caller's unit of work (another module's transaction) instead of opening its own. */
export interface WriteOptions {
  within?: WriteUnit;
}

export function createPeopleService(
  db: Db,
  /** The platform's write path; tests and scripts get one of their own. */
  writes: WritePath = createWritePath(db),
) {
  const write = writes(peopleAudit);

  async function findPerson(id: string, on: Db | Tx = db): Promise<Person> {
    const [person] = await on
      .select(personColumns)
      .from(users)
      .leftJoin(organisations, eq(users.organisationId, organisations.id))
      .where(eq(users.id, id));
    if (!person) throw new AppError("NOT_FOUND");
    return person;
  }

  async function assertOrganisationExists(tx: Tx, caller: Caller, id: string | null | undefined) {
    if (!id) return;
    const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
    if (!row)
      throw new AppError("VALIDATION_FAILED", [
        { path: "organisationId", message: translate(caller.locale, "errors.NOT_FOUND") },
      ]);
  }

  return {
    async listOrganisations(caller: Caller): Promise<OrganisationWithCount[]> {
      authorize(peoplePolicy, "listOrganisations", caller.actor);
      const rows = await db
        .select({ organisation: organisations, memberCount: count(users.id) })
        .from(organisations)
        .leftJoin(users, eq(users.organisationId, organisations.id))
        .groupBy(organisations.id)
        .orderBy(asc(organisations.name));
      return rows.map((r) => ({ ...r.organisation, memberCount: Number(r.memberCount) }));
    },

    /** An organisation for its edit page: admins only. */
    async getOrganisationForEditing(caller: Caller, id: string): Promise<Organisation> {
      authorize(peoplePolicy, "manageOrganisations", caller.actor);
      if (!isUuid(id)) throw new AppError("NOT_FOUND");
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      if (!row) throw new AppError("NOT_FOUND");
      return row;
    },

    async createOrganisation(
      caller: Caller,
      input: OrganisationInput | unknown,
      options: WriteOptions = {},
    ): Promise<Organisation> {
      return uniqueName(caller, () =>
        write({
          caller,
          allow: () => authorize(peoplePolicy, "manageOrganisations", caller.actor),
          input: { schema: organisationInput, value: input },
          within: options.within,
          run: async ({ tx, data, audit }) => {
            const [row] = await tx.insert(organisations).values(data).returning();
            if (!row) throw new AppError("INTERNAL");
            await audit("organisation.create", { type: "organisation", id: row.id }, data);
            return row;
          },
        }),
      );
    },

    async updateOrganisation(
      caller: Caller,
      id: string,
      input: OrganisationInput | unknown,
      options: WriteOptions = {},
    ): Promise<Organisation> {
      return uniqueName(caller, () =>
        write({
          caller,
          allow: () => authorize(peoplePolicy, "manageOrganisations", caller.actor),
          input: { schema: organisationInput, value: input },
          within: options.within,
          run: async ({ tx, data, audit }) => {
            if (!isUuid(id)) throw new AppError("NOT_FOUND");
            const [row] = await tx
              .update(organisations)
              .set({ ...data, updatedAt: new Date() })
              .where(eq(organisations.id, id))
              .returning();
            if (!row) throw new AppError("NOT_FOUND");
            await audit("organisation.update", { type: "organisation", id }, data);
            return row;
          },
        }),
      );
    },

    /** One page of people by name; `nextCursor` fetches the next page. */
    async pagePeople(caller: Caller, query: PeoplePageQuery | unknown = {}): Promise<Page<Person>> {
      authorize(peoplePolicy, "listPeople", caller.actor);
      const q = parseInput(peoplePageInput, query, caller.locale);
      const cursor = peoplePages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(peoplePages.columns(personColumns))
        .from(users)
        .leftJoin(organisations, eq(users.organisationId, organisations.id))
        .where(peoplePages.after(cursor))
        .orderBy(...peoplePages.orderBy)
        .limit(peoplePages.fetch(q.limit));
      return peoplePages.page(rows, q.limit);
    },

    /** How many people the workspace has (the people page's caption, the front page's figure). */
    async countPeople(caller: Caller): Promise<number> {
      authorize(peoplePolicy, "listPeople", caller.actor);
      const [row] = await db.select({ n: count() }).from(users);
      return Number(row?.n ?? 0);
    },

    /**
     * Everyone, by name, for choosing a person in a form (group members, the
     * audit log's filter). Unpaged: a native <select> needs every option.
     */
    async listPeople(caller: Caller): Promise<Person[]> {
      authorize(peoplePolicy, "listPeople", caller.actor);
      return db
        .select(personColumns)
        .from(users)
        .leftJoin(organisations, eq(users.organisationId, organisations.id))
        .orderBy(asc(users.name));
    },

    /** A person for their edit page: admins only. */
    async getPersonForEditing(caller: Caller, id: string): Promise<Person> {
      authorize(peoplePolicy, "managePeople", caller.actor);
      return findPerson(id);
    },

    /** The signed-in person's own record, for their profile page. */
    async getOwnProfile(caller: Caller): Promise<Person> {
      authorize(peoplePolicy, "updateOwnProfile", caller.actor);
      return findPerson(caller.actor?.id ?? "");
    },

    async updatePerson(
      caller: Caller,
      id: string,
      input: PersonUpdateInput | unknown,
      options: WriteOptions = {},
    ): Promise<Person> {
      return write({
        caller,
        allow: () => authorize(peoplePolicy, "managePeople", caller.actor),
        input: { schema: personUpdateInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          await assertOrganisationExists(tx, caller, data.organisationId);
          const [row] = await tx
            .update(users)
            .set({ ...data, updatedAt: new Date() })
            .where(eq(users.id, id))
            .returning({ id: users.id });
          if (!row) throw new AppError("NOT_FOUND");
          await audit("person.update", { type: "person", id }, data);
          return findPerson(id, tx);
        },
      });
    },

    /** A signed-in person edits their own name, title and language. */
    async updateOwnProfile(caller: Caller, input: ProfileInput | unknown, options: WriteOptions = {}): Promise<Person> {
      return write({
        caller,
        allow: () => authorize(peoplePolicy, "updateOwnProfile", caller.actor),
        input: { schema: profileInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const actor = caller.actor as NonNullable<Caller["actor"]>;
          await tx
            .update(users)
            .set({ ...data, updatedAt: new Date() })
            .where(eq(users.id, actor.id));
          await audit("profile.update", { type: "person", id: actor.id }, data);
          return findPerson(actor.id, tx);
        },
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
