import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { fileUploads } from "./schema.ts";

export type NewUpload = typeof fileUploads.$inferInsert;

/**
 * The files module's writes of `file_uploads`, for the modules that take
 * uploads (walls): they record an upload and claim it for their thing inside
 * their own write's transaction, and never write the table themselves.
 */
export async function recordUpload(tx: Db | Tx, upload: NewUpload): Promise<void> {
  await tx.insert(fileUploads).values(upload);
}

/** Marks an unused upload as used; false when it was already used (or is gone), so each upload is attached once. */
export async function claimUpload(tx: Db | Tx, id: string): Promise<boolean> {
  const claimed = await tx
    .update(fileUploads)
    .set({ used: true })
    .where(and(eq(fileUploads.id, id), eq(fileUploads.used, false)))
    .returning({ id: fileUploads.id });
  return claimed.length > 0;
}
