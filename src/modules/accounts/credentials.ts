import type { Db, Tx } from "../../db/client.ts";
import { accounts } from "./schema.ts";

/** The e-mail-and-password login of a person, in the row shape better-auth reads ("credential" provider). */
export async function insertPasswordLogin(tx: Db | Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.insert(accounts).values({
    id: crypto.randomUUID(),
    accountId: userId,
    providerId: "credential",
    userId,
    password: passwordHash,
  });
}
