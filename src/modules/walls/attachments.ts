import { and, eq, inArray, isNull } from "drizzle-orm";
import { AppError } from "../../core/errors.ts";
import { RateLimiter } from "../../core/rate-limit.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { formatNumber } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { imageLimits } from "../files/images.ts";
import { prepareUpload, RefusedFileError } from "../files/prepare.ts";
import { fileUploads } from "../files/schema.ts";
import { formatFileSize } from "../files/size.ts";
import { type FileStore, isFileId, readPieces, type StoredFile } from "../files/store.ts";
import { claimUpload, recordUpload } from "../files/uploads.ts";
import { wallsAudit } from "./audit.ts";
import { wallRights } from "./policy.ts";
import { wallPosts, walls } from "./schema.ts";
import type { WallService } from "./service.ts";
import type { WallViewer } from "./viewer.ts";

type PostRow = typeof wallPosts.$inferSelect;
type UploadRow = typeof fileUploads.$inferSelect;

/** What an upload answers; send `fileId` as a post's `attachmentFileId`. */
export interface UploadView {
  fileId: string;
  kind: "image" | "file";
  name: string;
  mimeType: string;
  size: number;
  width?: number;
  height?: number;
}

export interface UploadLimits {
  /** Uploads per participant per minute, and per client address per minute (a hall shares one address). */
  perParticipant: number;
  perAddress: number;
}

export const defaultUploadLimits: UploadLimits = { perParticipant: 20, perAddress: 300 };

const wallScope = "wall";

/**
 * Files on wall posts: the upload (anyone who may post on the wall), and
 * reading a stored file back (whoever may read the post it is attached to, or
 * its uploader while it is not attached yet).
 */
export function createAttachmentService({
  db,
  files,
  walls: wallService,
  uploadMaxBytes,
  limits = defaultUploadLimits,
  writes = createWritePath(db),
}: {
  db: Db;
  files: FileStore;
  walls: WallService;
  uploadMaxBytes: number;
  limits?: UploadLimits;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
}) {
  const write = writes(wallsAudit);
  const participantLimiter = new RateLimiter(limits.perParticipant, 60_000);
  const addressLimiter = new RateLimiter(limits.perAddress, 60_000);

  return {
    /** UPLOAD_MAX_BYTES: the HTTP layer stops reading an upload there (files/multipart.ts). */
    uploadMaxBytes,
    /** 413 naming the limit, in the viewer's language. */
    tooLarge: (locale: Locale) => fileTooLarge(locale, uploadMaxBytes),

    /** `file`: the upload's temporary file (files/multipart.ts), which stays the caller's to remove. */
    async upload(
      viewer: WallViewer,
      wallId: string,
      file: { path: string; size: number; name: string },
    ): Promise<UploadView> {
      const participant = viewer.participantHash;
      if (!participant) throw new AppError("UNAUTHENTICATED");
      // The policy: whoever may post on the wall may upload to it.
      const opened = await wallService.openById(viewer, wallId);
      if (!opened.canPost) throw new AppError("WALL_CLOSED");
      if (file.size > uploadMaxBytes) throw fileTooLarge(viewer.locale, uploadMaxBytes);
      if (!participantLimiter.take(participant) || !addressLimiter.take(viewer.addressHash)) {
        throw new AppError("RATE_LIMITED");
      }

      let prepared: Awaited<ReturnType<typeof prepareUpload>>;
      try {
        prepared = await prepareUpload(file.path, file.name);
      } catch (error) {
        if (!(error instanceof RefusedFileError)) throw error;
        throw refusedUpload(viewer.locale, error);
      }

      // An image is stored as written again (small); any other file streamed from its temporary file.
      const stored = await files.put({
        data: prepared.kind === "image" ? prepared.data : readPieces(prepared.path),
        mimeType: prepared.mimeType,
        name: prepared.name,
      });
      const image = prepared.kind === "image" ? { width: prepared.width, height: prepared.height } : {};
      try {
        // An upload is a write: audited under the participant's pseudonymous id, as their posts are.
        await write({
          caller: { actor: null, locale: viewer.locale, participantHash: participant },
          allow: () => undefined,
          run: async ({ tx, audit }) => {
            await recordUpload(tx, {
              id: stored.id,
              scope: wallScope,
              scopeId: wallId,
              uploader: participant,
              kind: prepared.kind,
              mimeType: prepared.mimeType,
              name: prepared.name,
              ...image,
            });
            await audit(
              "upload.create",
              { type: "upload", id: stored.id },
              { wallId, kind: prepared.kind, mimeType: prepared.mimeType, size: stored.size },
            );
          },
        });
      } catch (error) {
        await files.delete(stored.id);
        throw error;
      }
      return {
        fileId: stored.id,
        kind: prepared.kind,
        name: prepared.name,
        mimeType: prepared.mimeType,
        size: stored.size,
        ...image,
      };
    },

    /** The file if this viewer may read it; NOT_FOUND otherwise (never says whether it exists). */
    async read(viewer: WallViewer, fileId: string): Promise<StoredFile> {
      if (!isFileId(fileId)) throw new AppError("NOT_FOUND");
      const attachedTo = await db
        .select({ post: wallPosts, wall: walls })
        .from(wallPosts)
        .innerJoin(walls, eq(walls.id, wallPosts.wallId))
        .where(
          and(
            eq(wallPosts.attachmentFileId, fileId),
            inArray(wallPosts.attachmentKind, ["image", "file"]),
            isNull(wallPosts.deletedAt),
          ),
        );
      let allowed = false;
      for (const { post, wall } of attachedTo) {
        const role = await wallService.ownerRole(wall, viewer.actor);
        const rights = wallRights(wall, viewer.actor, viewer.hasJoinCode(wall.id, wall.joinCode), role);
        if (!rights.open) continue;
        const mine = viewer.participantHash !== null && viewer.participantHash === post.participantHash;
        // A post others may not see yet (held for approval, hidden) shows its file only to the same people.
        if (post.status === "visible" || mine || rights.moderate) allowed = true;
      }
      if (!allowed && attachedTo.length === 0 && viewer.participantHash) {
        const [upload] = await db
          .select({ id: fileUploads.id })
          .from(fileUploads)
          .where(
            and(
              eq(fileUploads.id, fileId),
              eq(fileUploads.uploader, viewer.participantHash),
              eq(fileUploads.used, false),
            ),
          );
        allowed = upload !== undefined;
      }
      const file = allowed ? await files.get(fileId) : null;
      if (!file) throw new AppError("NOT_FOUND");
      return file;
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;

const fileIssue = (locale: Locale, key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => ({
  path: "file",
  message: translate(locale, key, params),
});

const fileTooLarge = (locale: Locale, limitBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", [
    fileIssue(locale, "walls.fileTooLarge", { limit: formatFileSize(locale, limitBytes) }),
  ]);

/** 415 for a type we do not take, 422 for an image that does not decode or is over a limit (named in the message). */
function refusedUpload(locale: Locale, error: RefusedFileError): AppError {
  const megapixels = (pixels: number) => formatNumber(locale, pixels / 1_000_000, { maximumFractionDigits: 1 });
  const unprocessable = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    new AppError("UNPROCESSABLE_FILE", [fileIssue(locale, key, params)], { cause: error });
  switch (error.reason) {
    case "type":
      return new AppError("FILE_TYPE_REFUSED", [fileIssue(locale, "walls.fileTypeRefused")]);
    case "busy":
      return new AppError("RATE_LIMITED");
    case "pixels":
      return unprocessable("walls.imageTooManyPixels", { megapixels: megapixels(imageLimits.maxPixels) });
    case "wholePixels":
      return unprocessable("walls.imageTooManyPixelsDecodedWhole", {
        megapixels: megapixels(imageLimits.maxPixelsDecodedWhole),
      });
    case "frames":
      return unprocessable("walls.animationTooManyFrames", { frames: imageLimits.maxFrames });
    case "animationPixels":
      return unprocessable("walls.animationTooManyPixels", { megapixels: megapixels(imageLimits.maxAnimationPixels) });
    case "timeout":
      return unprocessable("walls.imageTooSlow", { seconds: imageLimits.timeoutSeconds });
    case "unreadable":
      return unprocessable("walls.imageUnreadable");
  }
}

/** The attachment columns of a post. */
type AttachmentColumns = Pick<
  typeof wallPosts.$inferInsert,
  | "attachmentKind"
  | "attachmentFileId"
  | "attachmentUrl"
  | "attachmentName"
  | "attachmentAlt"
  | "attachmentWidth"
  | "attachmentHeight"
>;

const noAttachment: AttachmentColumns = {
  attachmentKind: null,
  attachmentFileId: null,
  attachmentUrl: null,
  attachmentName: null,
  attachmentAlt: null,
  attachmentWidth: null,
  attachmentHeight: null,
};

/** A checked file attachment: the columns to write, and `claim` to run in the write's transaction. */
export interface PreparedAttachment {
  columns: AttachmentColumns;
  /** Marks the upload used; refuses (rolling the write back) when another post took it first. */
  claim(tx: Tx): Promise<void>;
}

const refuse = (locale: Locale, path: string, key: Parameters<typeof translate>[1]) =>
  new AppError("VALIDATION_FAILED", [{ path, message: translate(locale, key) }]);

/**
 * Checks that the file was uploaded by this participant to this wall and is
 * not attached yet, and that an image has its alternative text. A post has one
 * attachment: a file and a link together are refused.
 */
export async function prepareFileAttachment(
  db: Db | Tx,
  locale: Locale,
  request: { wallId: string; participant: string; fileId: string; alt: string | null; linkUrl?: string | null },
): Promise<PreparedAttachment> {
  if (request.linkUrl) throw refuse(locale, "attachmentFileId", "walls.oneAttachment");
  const [upload] = await db
    .select()
    .from(fileUploads)
    .where(
      and(
        eq(fileUploads.id, request.fileId),
        eq(fileUploads.scope, wallScope),
        eq(fileUploads.scopeId, request.wallId),
        eq(fileUploads.uploader, request.participant),
        eq(fileUploads.used, false),
      ),
    );
  if (!upload) throw refuse(locale, "attachmentFileId", "walls.uploadNotFound");
  if (upload.kind === "image" && !request.alt) throw refuse(locale, "attachmentAlt", "walls.imageAltRequired");
  return {
    columns: columnsFor(upload, request.alt),
    async claim(tx) {
      if (!(await claimUpload(tx, upload.id))) throw refuse(locale, "attachmentFileId", "walls.uploadNotFound");
    },
  };
}

function columnsFor(upload: UploadRow, alt: string | null): AttachmentColumns {
  return {
    attachmentKind: upload.kind,
    attachmentFileId: upload.id,
    attachmentUrl: null,
    attachmentName: upload.name,
    attachmentAlt: upload.kind === "image" ? alt : null,
    attachmentWidth: upload.width,
    attachmentHeight: upload.height,
  };
}

/**
 * An edit's change to a post's file attachment: a new upload replaces it
 * (the old file stays stored, unattached), null or "" removes it, and
 * `attachmentAlt` alone rewrites an image's alternative text. A link given in
 * the same edit replaces a file. Returns null when the edit leaves it alone;
 * the columns returned are to be written over the edit's link columns.
 */
export async function prepareAttachmentEdit(
  db: Db | Tx,
  locale: Locale,
  post: PostRow,
  participant: string | null,
  edit: { attachmentFileId?: string | null; attachmentAlt?: string | null; linkUrl?: string | null },
): Promise<{ columns: Partial<AttachmentColumns>; claim?: PreparedAttachment["claim"] } | null> {
  const hasFile = post.attachmentKind === "image" || post.attachmentKind === "file";
  const fileId = edit.attachmentFileId;
  if (fileId && fileId !== post.attachmentFileId) {
    if (!participant) throw new AppError("UNAUTHENTICATED");
    return prepareFileAttachment(db, locale, {
      wallId: post.wallId,
      participant,
      fileId,
      alt: edit.attachmentAlt ?? null,
      linkUrl: edit.linkUrl,
    });
  }
  if (hasFile && (fileId === null || edit.linkUrl)) {
    const link = edit.linkUrl ? { attachmentKind: "link" as const, attachmentUrl: edit.linkUrl } : {};
    return { columns: { ...noAttachment, ...link } };
  }
  if (edit.attachmentAlt !== undefined && post.attachmentKind === "image") {
    if (!edit.attachmentAlt) throw refuse(locale, "attachmentAlt", "walls.imageAltRequired");
    return { columns: { attachmentAlt: edit.attachmentAlt } };
  }
  return null;
}
