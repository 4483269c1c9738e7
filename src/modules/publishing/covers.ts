import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { prepareUpload, RefusedFileError } from "../files/prepare.ts";
import { formatFileSize } from "../files/size.ts";
import type { FileStore, StoredFile } from "../files/store.ts";
import { recordUpload } from "../files/uploads.ts";
import { publishingAudit } from "./audit.ts";
import { publishingPolicy } from "./policy.ts";
import type { PostService } from "./service.ts";

export interface CoverUpload {
  fileId: string;
  name: string;
  mimeType: string;
  width: number;
  height: number;
}

const fileIssue = (locale: Locale, key: Parameters<typeof translate>[1], params?: Record<string, string>) => ({
  path: "file",
  message: translate(locale, key, params),
});

/**
 * Cover images: uploaded by staff (only images, written again by the files module: EXIF gone, size bounded), then
 * named by a post's `coverFileId`, which claims the upload once. Shown while a published post uses it.
 */
export function createCoverService({
  db,
  files,
  postsService,
  uploadMaxBytes,
  writes = createWritePath(db),
}: {
  db: Db;
  files: FileStore;
  postsService: PostService;
  uploadMaxBytes: number;
  writes?: WritePath;
}) {
  const write = writes(publishingAudit);
  return {
    uploadMaxBytes,
    tooLarge: (locale: Locale) =>
      new AppError("PAYLOAD_TOO_LARGE", [
        fileIssue(locale, "publishing.cover.tooLarge", { limit: formatFileSize(locale, uploadMaxBytes) }),
      ]),

    /** Staff only; `file` is the upload's temporary file, which stays the caller's to remove. */
    async upload(caller: Caller, file: { path: string; size: number; name: string } | null): Promise<CoverUpload> {
      authorize(publishingPolicy, "writePosts", caller.actor);
      if (!file) throw new AppError("VALIDATION_FAILED", [fileIssue(caller.locale, "publishing.cover.missing")]);
      if (file.size > uploadMaxBytes) throw this.tooLarge(caller.locale);
      let prepared: Awaited<ReturnType<typeof prepareUpload>>;
      try {
        prepared = await prepareUpload(file.path, file.name);
      } catch (error) {
        if (!(error instanceof RefusedFileError)) throw error;
        if (error.reason === "busy") throw new AppError("RATE_LIMITED");
        if (error.reason === "type")
          throw new AppError("FILE_TYPE_REFUSED", [fileIssue(caller.locale, "publishing.cover.notImage")]);
        throw new AppError("UNPROCESSABLE_FILE", [fileIssue(caller.locale, "publishing.cover.unreadable")], {
          cause: error,
        });
      }
      if (prepared.kind !== "image")
        throw new AppError("FILE_TYPE_REFUSED", [fileIssue(caller.locale, "publishing.cover.notImage")]);
      const stored = await files.put({ data: prepared.data, mimeType: prepared.mimeType, name: prepared.name });
      try {
        await write({
          caller,
          allow: () => undefined,
          run: async ({ tx, audit }) => {
            await recordUpload(tx, {
              id: stored.id,
              scope: "post-cover",
              scopeId: crypto.randomUUID(),
              uploader: caller.actor?.id ?? "",
              kind: "image",
              mimeType: prepared.mimeType,
              name: prepared.name,
              width: prepared.width,
              height: prepared.height,
            });
            await audit("cover.upload", { type: "upload", id: stored.id }, { size: stored.size });
          },
        });
      } catch (error) {
        await files.delete(stored.id);
        throw error;
      }
      return {
        fileId: stored.id,
        name: prepared.name,
        mimeType: prepared.mimeType,
        width: prepared.width,
        height: prepared.height,
      };
    },

    /** The image, if the caller may see it (NOT_FOUND otherwise, so a draft's cover does not leak). */
    async read(caller: Caller, fileId: string): Promise<StoredFile> {
      if (!(await postsService.coverVisible(caller, fileId))) throw new AppError("NOT_FOUND");
      const file = await files.get(fileId);
      if (!file) throw new AppError("NOT_FOUND");
      return file;
    },
  };
}

export type CoverService = ReturnType<typeof createCoverService>;
