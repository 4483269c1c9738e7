import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTwoInstances } from "../../../test/support/role-visitors.ts";
import { createPerson } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { addDays, helsinkiDate } from "../../core/dates.ts";
import { contractSentReminders } from "./schema.ts";
import { contractFor } from "./test-fixture.ts";

// Only in the PostgreSQL project: two app instances share one database (PGlite cannot).
describe("contract reminders with two app instances on one PostgreSQL database", () => {
  const apps = useTwoInstances();

  it("sends each due reminder once, whichever instance's sweep gets to it", async () => {
    const { first, second } = apps;
    const staffPerson = await createPerson(first.database, "staff");
    const staff: Caller = {
      actor: { id: staffPerson.id, name: staffPerson.name, email: staffPerson.email, role: "staff" },
      locale: "fi",
    };
    const people = await Promise.all([1, 2, 3].map(() => createPerson(first.database, "staff")));
    const contracts = first.platform.services.contracts;
    const folder = await contracts.createFolder(staff, { name: "Kaksi instanssia" });
    const today = helsinkiDate();
    const created: string[] = [];
    for (let i = 0; i < 8; i++) {
      const view = await contracts.createContract(
        staff,
        contractFor(folder.folder.id, {
          startDate: addDays(today, 5).toString(),
          endDate: addDays(today, 400).toString(),
          responsibleId: people[0]?.id,
          deputyIds: [people[1]?.id ?? "", people[2]?.id ?? ""],
        }),
      );
      created.push(view.contract.id);
    }
    // Setting the folder's defaults makes a start reminder due on all eight: the write queues the job too.
    await contracts.setFolderReminders(staff, folder.folder.id, { startDays: 7 });
    const sweeps = await Promise.all([
      first.platform.services.contractReminders.sendDue(),
      second.platform.services.contractReminders.sendDue(),
      second.platform.services.contractReminders.sendDue(),
      first.platform.services.contractReminders.sendDue(),
    ]);
    expect(sweeps.every((s) => s.due === 24)).toBe(true);
    expect(sweeps.reduce((sum, s) => sum + s.sent, 0)).toBeLessThanOrEqual(24);

    const expected = 24;
    const mails = () =>
      [...first.smtp.inbox, ...second.smtp.inbox].filter((m) => people.some((p) => m.to.includes(p.email)));
    const deadline = Date.now() + 20_000;
    while (mails().length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // And the job the write queued, and one more scheduled run on each: still nothing new.
    await Promise.all([
      first.platform.services.contractReminders.sendDue(),
      second.platform.services.contractReminders.sendDue(),
    ]);
    await new Promise((r) => setTimeout(r, 2000));
    const received = mails().map((m) => `${m.to} ${m.subject}`);
    expect(received).toHaveLength(expected);
    expect(new Set(received).size).toBe(expected);
    for (const id of created) {
      const rows = await first.database.db
        .select()
        .from(contractSentReminders)
        .where(eq(contractSentReminders.contractId, id));
      expect(rows).toHaveLength(3);
    }
  });
});
