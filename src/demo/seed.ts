import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { insertPasswordLogin } from "../modules/accounts/credentials.ts";
import { hashPassword } from "../modules/accounts/password.ts";
import { accounts, users } from "../modules/accounts/schema.ts";
import { recordAudit } from "../modules/audit/record.ts";
import { createEventService } from "../modules/events/service.ts";
import { organisations } from "../modules/people/schema.ts";
import { WallHub } from "../modules/walls/hub.ts";
import { createWallService } from "../modules/walls/service.ts";
import { seedDemoAlliances } from "./alliances.ts";
import { seedDemoCommitments } from "./commitments.ts";
import { seedDemoEvents } from "./events.ts";
import { seedDemoGroups } from "./groups.ts";
import { seedDemoNewsletter } from "./newsletter.ts";
import { demoAdmin, demoOrganisations, demoPeople } from "./organisations.ts";
import { seedDemoPublishing } from "./publishing.ts";
import { seedDemoStrategy } from "./strategy.ts";
import { seedDemoWalls } from "./walls.ts";

/** A readable one-off password: 20 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Loads the demo workspace into an empty database and returns the demo admin's
 * credentials; the password is generated here and exists only in this return value.
 */
export async function seedDemoWorkspace(db: Db): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  const adminHash = await hashPassword(password);
  // People other than the admin get no password: they can use "forgot password".
  const adminId = await db.transaction(async (tx) => {
    const orgRows = await tx.insert(organisations).values(demoOrganisations).returning();
    const orgId = (name: string) => orgRows.find((o) => o.name === name)?.id ?? null;

    const id = crypto.randomUUID();
    await tx.insert(users).values({
      id,
      name: demoAdmin.name,
      email: demoAdmin.email,
      emailVerified: true,
      role: "admin",
      title: demoAdmin.title,
      organisationId: orgId(demoAdmin.organisation),
    });
    await insertPasswordLogin(tx, id, adminHash);
    await tx.insert(users).values(
      demoPeople.map((p) => ({
        id: crypto.randomUUID(),
        name: p.name,
        email: p.email,
        emailVerified: true,
        role: p.role,
        title: p.title,
        organisationId: orgId(p.organisation),
      })),
    );
    await recordAudit(tx, {
      actorId: null,
      module: "demo",
      action: "workspace.seed",
      targetType: "workspace",
      details: { organisations: orgRows.length, people: demoPeople.length + 1 },
    });
    return id;
  });
  const admin = { id: adminId, name: demoAdmin.name, email: demoAdmin.email, role: "admin" as const };
  // The demo goes through the same services as real use (so change logs and walls are right); nobody listens
  // while seeding, so the hub has no subscribers and loads nothing.
  const hub = new WallHub(
    async () => [],
    () => {},
  );
  const walls = createWallService({ db, hub });
  await seedDemoWalls(db, admin, hub, walls);
  await seedDemoEvents(db, createEventService({ db, walls }), admin);
  await seedDemoGroups(db, admin, walls);
  await seedDemoStrategy(db, admin);
  await seedDemoPublishing(db, admin);
  await seedDemoAlliances(db, admin);
  await seedDemoCommitments(db, admin);
  await seedDemoNewsletter(db, admin);
  return { email: demoAdmin.email, password };
}

/** Gives the demo admin a new generated password (for `npm run demo:password`). */
export async function resetDemoAdminPassword(db: Db): Promise<{ email: string; password: string } | null> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAdmin.email));
  if (!admin) return null;
  const password = generatePassword();
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(eq(accounts.userId, admin.id))
      .returning({ id: accounts.id });
    if (updated.length === 0) {
      await insertPasswordLogin(tx, admin.id, hash);
    }
    await recordAudit(tx, {
      actorId: null,
      module: "demo",
      action: "admin.password.reset",
      targetType: "person",
      targetId: admin.id,
    });
  });
  return { email: demoAdmin.email, password };
}
