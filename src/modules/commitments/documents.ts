import { and, asc, eq, sql } from "drizzle-orm";
import { fileTypeFromBuffer, fileTypeFromFile } from "file-type";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { acceptedFileTypes, safeFileName } from "../files/prepare.ts";
import { formatFileSize } from "../files/size.ts";
import { type FileStore, readPieces, type StoredFile } from "../files/store.ts";
import { commitmentsAudit } from "./audit.ts";
import { type DocumentInput, documentInput, type VersionInput, versionInput } from "./inputs.ts";
import { commitmentsPolicy } from "./policy.ts";
import { contractDocuments, contractDocumentVersions } from "./schema.ts";
import type { ContractService } from "./service.ts";

export type DocumentRow = typeof contractDocuments.$inferSelect;
export type VersionRow = typeof contractDocumentVersions.$inferSelect;
export interface DocumentView {
  document: DocumentRow;
  /** Newest first. */
  versions: VersionRow[];
}

export const documentsPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
const documentPages = keyset({
  list: "contract-documents",
  key: contractDocuments.createdAt,
  keyType: "timestamp",
  id: contractDocuments.id,
  idType: "uuid",
  order: "asc",
});

/**
 * An upload: over HTTP its temporary file (files/multipart.ts receiveForm, which stays the caller's to remove), so
 * that a document is never held whole in memory; from scripts and tests its bytes.
 */
export type UploadedFile = { path: string; size: number; name: string } | { data: Uint8Array; name: string };

const sizeOf = (file: UploadedFile) => ("path" in file ? file.size : file.data.byteLength);

/**
 * Documents on a contract: the signed contract and its annexes, each with numbered versions. The files are kept
 * by the files module's FileStore, as wall attachments are; the type is read from the content (file-type), and
 * only PDF and Office files (docx, xlsx, pptx, odt, ods, odp; no macro-enabled or legacy binary formats) are
 * taken, up to UPLOAD_MAX_BYTES. They are served only as downloads (files/http.ts fileResponse).
 */
export function createDocumentService({
  db,
  writes = createWritePath(db),
  files,
  contractsService,
  uploadMaxBytes,
}: {
  db: Db;
  writes?: WritePath;
  files: FileStore;
  contractsService: ContractService;
  uploadMaxBytes: number;
}) {
  const write = writes(commitmentsAudit);
  const manage = (caller: Caller) => authorize(commitmentsPolicy, "manageContracts", caller.actor);
  const tooLarge = (locale: Locale) =>
    fileIssue("PAYLOAD_TOO_LARGE", locale, "commitments.file.tooLarge", {
      limit: formatFileSize(locale, uploadMaxBytes),
    });

  /** The file as we keep it, or a translated refusal naming the field "file". */
  async function checkedFile(locale: Locale, file: UploadedFile | null | undefined) {
    if (!file || sizeOf(file) === 0) throw fileIssue("VALIDATION_FAILED", locale, "commitments.file.missing");
    if (sizeOf(file) > uploadMaxBytes) throw tooLarge(locale);
    const detected = await ("path" in file ? fileTypeFromFile(file.path) : fileTypeFromBuffer(file.data));
    const extension = detected ? acceptedFileTypes[detected.mime] : undefined;
    if (!detected || !extension) throw fileIssue("FILE_TYPE_REFUSED", locale, "commitments.file.typeRefused");
    // A file on disk is stored in pieces as it is read (files/store.ts readPieces).
    const data = "path" in file ? readPieces(file.path) : file.data;
    return { data, mimeType: detected.mime, name: safeFileName(file.name, extension) };
  }

  /** Stores the file, then runs the write; a write that fails leaves no stored file behind. */
  async function storing<T>(file: Awaited<ReturnType<typeof checkedFile>>, work: (stored: Stored) => Promise<T>) {
    const stored = await files.put(file);
    try {
      return await work({ ...stored, name: file.name, mimeType: file.mimeType });
    } catch (error) {
      await files.delete(stored.id);
      throw error;
    }
  }

  async function findDocument(from: Db, id: string): Promise<DocumentRow> {
    const [row] = await from.select().from(contractDocuments).where(eq(contractDocuments.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  async function versionsOf(from: Db, documentId: string) {
    return from
      .select()
      .from(contractDocumentVersions)
      .where(eq(contractDocumentVersions.documentId, documentId))
      .orderBy(asc(contractDocumentVersions.version))
      .then((rows) => rows.reverse());
  }

  return {
    /** UPLOAD_MAX_BYTES: the HTTP layer stops reading an upload there (files/multipart.ts). */
    uploadMaxBytes,
    /** 413 naming the limit, in the caller's language, with the field "file". */
    tooLarge,

    /** A contract's documents, oldest first, each with its versions. */
    async list(caller: Caller, contractId: string, query: unknown = {}): Promise<Page<DocumentView>> {
      await contractsService.readable(caller, contractId);
      const q = parseInput(documentsPageInput, query, caller.locale);
      const cursor = documentPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(documentPages.columns({ document: contractDocuments }))
        .from(contractDocuments)
        .where(and(eq(contractDocuments.contractId, contractId), documentPages.after(cursor)))
        .orderBy(...documentPages.orderBy)
        .limit(documentPages.fetch(q.limit));
      const page = documentPages.page(rows, q.limit);
      const items: DocumentView[] = [];
      for (const { document } of page.items) items.push({ document, versions: await versionsOf(db, document.id) });
      return { items, nextCursor: page.nextCursor };
    },

    async get(caller: Caller, id: string): Promise<DocumentView> {
      authorize(commitmentsPolicy, "readRegister", caller.actor);
      assertUuid(id);
      const document = await findDocument(db, id);
      await contractsService.readable(caller, document.contractId);
      return { document, versions: await versionsOf(db, id) };
    },

    /** A new document (the signed contract or an annex) with its first version. */
    async create(
      caller: Caller,
      contractId: string,
      input: DocumentInput | unknown,
      upload: UploadedFile | null,
    ): Promise<DocumentView> {
      manage(caller);
      assertUuid(contractId);
      const data = parseInput(documentInput, input, caller.locale);
      await contractsService.readable(caller, contractId);
      const file = await checkedFile(caller.locale, upload);
      return storing(file, (stored) =>
        write({
          caller,
          allow: () => manage(caller),
          run: async ({ tx, audit }): Promise<DocumentView> => {
            const [document] = await tx
              .insert(contractDocuments)
              .values({
                contractId,
                kind: data.kind,
                title: data.title,
                latestVersion: 1,
                createdBy: caller.actor?.id ?? null,
              })
              .returning();
            if (!document) throw new AppError("INTERNAL");
            const [version] = await tx
              .insert(contractDocumentVersions)
              .values(versionValues(document.id, 1, stored, data.note, caller))
              .returning();
            if (!version) throw new AppError("INTERNAL");
            await audit(
              "document.create",
              { type: "contractDocument", id: document.id },
              { contractId, kind: document.kind, mimeType: stored.mimeType, size: stored.size },
            );
            return { document, versions: [version] };
          },
        }),
      );
    },

    /** A new version of a document; the earlier ones stay. */
    async addVersion(
      caller: Caller,
      documentId: string,
      input: VersionInput | unknown,
      upload: UploadedFile | null,
    ): Promise<DocumentView> {
      manage(caller);
      assertUuid(documentId);
      const data = parseInput(versionInput, input, caller.locale);
      await findDocument(db, documentId);
      const file = await checkedFile(caller.locale, upload);
      return storing(file, (stored) =>
        write({
          caller,
          allow: () => manage(caller),
          run: async ({ tx, audit }): Promise<DocumentView> => {
            // The row lock numbers versions without gaps or repeats, also when two uploads come at once.
            const [document] = await tx
              .update(contractDocuments)
              .set({ latestVersion: sqlIncrement(), updatedAt: new Date() })
              .where(eq(contractDocuments.id, documentId))
              .returning();
            if (!document) throw new AppError("NOT_FOUND");
            await tx
              .insert(contractDocumentVersions)
              .values(versionValues(documentId, document.latestVersion, stored, data.note, caller));
            await audit(
              "document.version",
              { type: "contractDocument", id: documentId },
              { version: document.latestVersion, mimeType: stored.mimeType, size: stored.size },
            );
            const versions = await tx
              .select()
              .from(contractDocumentVersions)
              .where(eq(contractDocumentVersions.documentId, documentId))
              .orderBy(asc(contractDocumentVersions.version));
            return { document, versions: versions.reverse() };
          },
        }),
      );
    },

    /** A version's file for download, if the caller may read its contract. */
    async download(caller: Caller, versionId: string): Promise<StoredFile> {
      authorize(commitmentsPolicy, "readRegister", caller.actor);
      assertUuid(versionId);
      const [row] = await db
        .select({ version: contractDocumentVersions, contractId: contractDocuments.contractId })
        .from(contractDocumentVersions)
        .innerJoin(contractDocuments, eq(contractDocuments.id, contractDocumentVersions.documentId))
        .where(eq(contractDocumentVersions.id, versionId));
      if (!row) throw new AppError("NOT_FOUND");
      await contractsService.readable(caller, row.contractId);
      const file = await files.get(row.version.fileId);
      if (!file) throw new AppError("NOT_FOUND");
      return { ...file, name: row.version.name, mimeType: row.version.mimeType };
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;

interface Stored {
  id: string;
  size: number;
  sha256: string;
  name: string;
  mimeType: string;
}

const versionValues = (documentId: string, version: number, stored: Stored, note: string, caller: Caller) => ({
  documentId,
  version,
  fileId: stored.id,
  name: stored.name,
  mimeType: stored.mimeType,
  size: stored.size,
  sha256: stored.sha256,
  note,
  uploadedBy: caller.actor?.id ?? null,
});

const sqlIncrement = () => sql`${contractDocuments.latestVersion} + 1`;

const fileIssue = (
  code: "VALIDATION_FAILED" | "PAYLOAD_TOO_LARGE" | "FILE_TYPE_REFUSED",
  locale: Locale,
  key: Parameters<typeof translate>[1],
  params?: Record<string, string>,
) => new AppError(code, [{ path: "file", message: translate(locale, key, params) }]);
