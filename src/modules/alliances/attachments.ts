import { asc, eq } from "drizzle-orm";
import { fileTypeFromBuffer, fileTypeFromFile } from "file-type";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { acceptedFileTypes, safeFileName } from "../files/prepare.ts";
import { formatFileSize } from "../files/size.ts";
import { type FileStore, readPieces, type StoredFile } from "../files/store.ts";
import { allowIn } from "./access.ts";
import { type AlliancesAuditAction, alliancesAudit } from "./audit.ts";
import type { AllianceDecisionsMessageKey } from "./decision-messages.ts";
import type { AllianceRoleAction } from "./policy.ts";
import { allianceAttachments, allianceCostEntries, allianceDecisions } from "./schema.ts";

export type AttachmentRow = typeof allianceAttachments.$inferSelect;

/** What a file is attached to: the receipt or invoice behind a cost entry, or a decision's signed minutes. */
export type AttachmentTarget = { costEntryId: string } | { decisionId: string };

/**
 * An upload: over HTTP its temporary file (files/multipart.ts receiveForm, which stays the caller's to remove), so
 * a file is never held whole in memory; from scripts and tests its bytes.
 */
export type UploadedFile = { path: string; size: number; name: string } | { data: Uint8Array; name: string };

const sizeOf = (file: UploadedFile) => ("path" in file ? file.size : file.data.byteLength);

export interface CheckedFile {
  data: Uint8Array | AsyncIterable<Uint8Array>;
  mimeType: string;
  name: string;
}

/**
 * Attachments of the open books and the decision log. Every party's representatives read them as they read the
 * books; only the alliance's managers attach files (a cost entry's as they edit the books, a decision's as they
 * keep the log), and never a workspace auditor, who reads only. The files are kept by the files module's FileStore,
 * as contract documents are; the type is read from the content (PDF and Office files only), up to
 * UPLOAD_MAX_BYTES, and they are served only as downloads (files/http.ts fileResponse).
 */
export function createAttachmentService({
  db,
  writes = createWritePath(db),
  files,
  uploadMaxBytes,
}: {
  db: Db;
  writes?: WritePath;
  files: FileStore;
  uploadMaxBytes: number;
}) {
  const write = writes(alliancesAudit);

  const tooLarge = (locale: Locale) =>
    fileIssue("PAYLOAD_TOO_LARGE", locale, "alliances.file.tooLarge", {
      limit: formatFileSize(locale, uploadMaxBytes),
    });

  /** The file as we keep it, or a translated refusal naming the field "file". */
  async function checkFile(locale: Locale, file: UploadedFile | null | undefined): Promise<CheckedFile> {
    if (!file || sizeOf(file) === 0) throw fileIssue("VALIDATION_FAILED", locale, "alliances.file.missing");
    if (sizeOf(file) > uploadMaxBytes) throw tooLarge(locale);
    const detected = await ("path" in file ? fileTypeFromFile(file.path) : fileTypeFromBuffer(file.data));
    const extension = detected ? acceptedFileTypes[detected.mime] : undefined;
    if (!detected || !extension) throw fileIssue("FILE_TYPE_REFUSED", locale, "alliances.file.typeRefused");
    const data = "path" in file ? readPieces(file.path) : file.data;
    return { data, mimeType: detected.mime, name: safeFileName(file.name, extension) };
  }

  /** The alliance the target is in, and the alliance action attaching to it needs; NOT_FOUND when there is none. */
  async function targetOf(
    from: Db | Tx,
    caller: Caller,
    target: AttachmentTarget,
  ): Promise<{ allianceId: string; action: AllianceRoleAction }> {
    if ("costEntryId" in target) {
      assertUuid(target.costEntryId);
      const [row] = await from
        .select({ allianceId: allianceCostEntries.allianceId })
        .from(allianceCostEntries)
        .where(eq(allianceCostEntries.id, target.costEntryId));
      if (!row) throw new AppError(caller.actor ? "NOT_FOUND" : "UNAUTHENTICATED");
      return { allianceId: row.allianceId, action: "editBooks" };
    }
    assertUuid(target.decisionId);
    const [row] = await from
      .select({ allianceId: allianceDecisions.allianceId })
      .from(allianceDecisions)
      .where(eq(allianceDecisions.id, target.decisionId));
    if (!row) throw new AppError(caller.actor ? "NOT_FOUND" : "UNAUTHENTICATED");
    return { allianceId: row.allianceId, action: "manageAlliance" };
  }

  /** May attach: the alliance role the target needs, and not a workspace auditor (auditors read only). */
  async function allowAttach(from: Db | Tx, caller: Caller, target: AttachmentTarget) {
    const { allianceId, action } = await targetOf(from, caller, target);
    await allowIn(from, caller, allianceId, action);
    if (caller.actor?.role === "auditor") throw new AppError("FORBIDDEN");
    return allianceId;
  }

  async function storing<T>(file: CheckedFile, work: (stored: StoredUpload) => Promise<T>): Promise<T> {
    const stored = await files.put(file);
    try {
      return await work({ ...stored, name: file.name, mimeType: file.mimeType });
    } catch (error) {
      await files.delete(stored.id);
      throw error;
    }
  }

  const whereTarget = (target: AttachmentTarget) =>
    "costEntryId" in target
      ? eq(allianceAttachments.costEntryId, target.costEntryId)
      : eq(allianceAttachments.decisionId, target.decisionId);

  return {
    /** UPLOAD_MAX_BYTES: the HTTP layer stops reading an upload there (files/multipart.ts). */
    uploadMaxBytes,
    /** 413 naming the limit, in the caller's language, with the field "file". */
    tooLarge,
    /** Checks an upload before anything is written (a form that records a decision with its file checks it first). */
    checkFile,

    /** A cost entry's or a decision's attachments, oldest first. */
    async list(caller: Caller, target: AttachmentTarget): Promise<AttachmentRow[]> {
      const { allianceId } = await targetOf(db, caller, target);
      await allowIn(db, caller, allianceId, "readAlliance");
      return db
        .select()
        .from(allianceAttachments)
        .where(whereTarget(target))
        .orderBy(asc(allianceAttachments.createdAt), asc(allianceAttachments.id));
    },

    /** Every attachment of the alliance's decisions (or cost entries), for a page listing them all at once. */
    async listOfAlliance(caller: Caller, allianceId: string, on: "decisions" | "costEntries") {
      await allowIn(db, caller, allianceId, "readAlliance");
      const rows = await db
        .select()
        .from(allianceAttachments)
        .where(eq(allianceAttachments.allianceId, allianceId))
        .orderBy(asc(allianceAttachments.createdAt), asc(allianceAttachments.id));
      return rows.filter((r) => (on === "decisions" ? r.decisionId !== null : r.costEntryId !== null));
    },

    /**
     * Attaches a file: stored first (the FileStore's own transaction), then the row and its audit in one write; a
     * write that fails leaves no stored file behind.
     */
    async attach(caller: Caller, target: AttachmentTarget, upload: UploadedFile | null): Promise<AttachmentRow> {
      await allowAttach(db, caller, target);
      const file = await checkFile(caller.locale, upload);
      return storing(file, (stored) =>
        write({
          caller,
          allow: async () => {
            await allowAttach(db, caller, target);
          },
          run: async ({ tx, audit }) => {
            const allianceId = await allowAttach(tx, caller, target);
            return insertAttachment(tx, audit, caller, allianceId, target, stored);
          },
        }),
      );
    },

    /**
     * Stores a checked file, then runs the write that attaches it (insertAttachment in its transaction); a write
     * that fails leaves no stored file behind. The file is stored before the write's transaction opens (PGlite
     * has one connection).
     */
    storing,

    /** An attachment's file for download, if the caller may read its alliance. */
    async download(caller: Caller, id: string): Promise<StoredFile> {
      assertUuid(id);
      if (!caller.actor) throw new AppError("UNAUTHENTICATED");
      const [row] = await db.select().from(allianceAttachments).where(eq(allianceAttachments.id, id));
      if (!row) throw new AppError("NOT_FOUND");
      await allowIn(db, caller, row.allianceId, "readAlliance");
      const file = await files.get(row.fileId);
      if (!file) throw new AppError("NOT_FOUND");
      return { ...file, name: row.name, mimeType: row.mimeType };
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;

export interface StoredUpload {
  id: string;
  size: number;
  sha256: string;
  name: string;
  mimeType: string;
}

type Audit = (
  action: AlliancesAuditAction,
  target: { type: string; id: string | null },
  details?: Record<string, unknown>,
) => Promise<void>;

/** The attachment's row and its audit, in the write's transaction (attach, or a decision recorded with its file). */
export async function insertAttachment(
  tx: Tx,
  audit: Audit,
  caller: Caller,
  allianceId: string,
  target: AttachmentTarget,
  stored: StoredUpload,
): Promise<AttachmentRow> {
  const [row] = await tx
    .insert(allianceAttachments)
    .values({
      allianceId,
      costEntryId: "costEntryId" in target ? target.costEntryId : null,
      decisionId: "decisionId" in target ? target.decisionId : null,
      fileId: stored.id,
      name: stored.name,
      mimeType: stored.mimeType,
      size: stored.size,
      sha256: stored.sha256,
      uploadedBy: caller.actor?.id ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await audit(
    "attachment.create",
    { type: "allianceAttachment", id: row.id },
    { allianceId, ...target, mimeType: row.mimeType, size: row.size },
  );
  return row;
}

const fileIssue = (
  code: "VALIDATION_FAILED" | "PAYLOAD_TOO_LARGE" | "FILE_TYPE_REFUSED",
  locale: Locale,
  key: AllianceDecisionsMessageKey,
  params?: Record<string, string>,
) => new AppError(code, [{ path: "file", message: translate(locale, key, params) }]);
