import type { Caller } from "../../core/caller.ts";
import { authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import { publishingAudit } from "./audit.ts";
import { type OfficeInput, officeInput } from "./inputs.ts";
import { publishingPolicy } from "./policy.ts";
import type { OfficeView } from "./presenters.ts";
import { officeContacts } from "./schema.ts";

const empty: OfficeView = { name: "", address: "", email: "", phone: "", openingHours: { fi: "", sv: "", en: "" } };

/** The office's contact details (a workspace setting): public to read, set by admins. */
export function createOfficeService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(publishingAudit);
  return {
    async get(): Promise<OfficeView> {
      const [row] = await db.select().from(officeContacts);
      if (!row) return empty;
      return {
        name: row.name,
        address: row.address,
        email: row.email,
        phone: row.phone,
        openingHours: row.openingHours,
      };
    },

    /** The details as the settings form shows them (admins only: the page is theirs, though reading is public). */
    async getForEditing(caller: Caller): Promise<OfficeView> {
      authorize(publishingPolicy, "manageOffice", caller.actor);
      return this.get();
    },

    async set(caller: Caller, input: OfficeInput | unknown): Promise<OfficeView> {
      await write({
        caller,
        allow: () => authorize(publishingPolicy, "manageOffice", caller.actor),
        input: { schema: officeInput, value: input },
        run: async ({ tx, data, audit }) => {
          const values = { ...data, updatedBy: caller.actor?.id ?? null, updatedAt: new Date() };
          await tx
            .insert(officeContacts)
            .values({ id: "office", ...values })
            .onConflictDoUpdate({ target: officeContacts.id, set: values });
          await audit("office.update", { type: "office", id: null });
        },
      });
      return this.get();
    },
  };
}

export type OfficeService = ReturnType<typeof createOfficeService>;
