import { fileTypeFromFile } from "file-type";
import { type ImageRefusal, type ImageType, imageLimits, processImage, RefusedImageError } from "./images.ts";

/**
 * Turns an upload (its temporary file, multipart.ts) into what we store: the
 * type comes from the content (file-type, reading the file's head), never from
 * the name or the browser's claim.
 *
 * Images (JPEG, PNG, WebP, GIF) are decoded and written again by sharp within
 * the limits of images.ts: turned upright by their EXIF orientation, fitted
 * within 1600×1600 (never enlarged), converted to sRGB, and written without any
 * metadata (EXIF, GPS, XMP, IPTC, ICC, comments), in their own format (JPEG at
 * quality 82; a still GIF as PNG). Animated GIFs and WebPs stay animated: sharp writes every frame
 * again from pixels, with only the frame delays and loop count, so nothing else
 * of the original survives.
 *
 * Other files are kept byte for byte (stored by streaming the temporary file:
 * store.ts's readPieces), and only these types are taken: PDF,
 * Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp). Refused:
 * macro-enabled Office files (docm, xlsm, pptm); legacy binary Office files
 * (file-type reports any Compound File as application/x-cfb, which an .msi
 * installer also is, and those formats are the classic macro carrier); SVG
 * (can carry script); HTML and text (not detected at all); everything else.
 */

export const imageMaxSide = imageLimits.maxSide;

const imageTypes = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
} as const satisfies Record<ImageType, string>;

export const acceptedFileTypes: Readonly<Record<string, string>> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
};

export const acceptedImageTypes = Object.keys(imageTypes) as ImageType[];

export type PreparedUpload =
  | { kind: "image"; data: Buffer; mimeType: ImageType; name: string; width: number; height: number }
  | { kind: "file"; path: string; mimeType: string; name: string };

/**
 * The upload is not a type we take ("type"), or is an image that does not
 * decode ("unreadable"), is over one of the limits in images.ts, or is waiting
 * behind too many others ("busy").
 */
export class RefusedFileError extends Error {
  override name = "RefusedFileError";
  constructor(
    readonly reason: "type" | ImageRefusal,
    options?: { cause?: unknown },
  ) {
    super(`refused upload: ${reason}`, options);
  }
}

const isImageType = (mime: string): mime is ImageType => mime in imageTypes;

/** `filePath`: the upload's temporary file, which stays the caller's to remove. */
export async function prepareUpload(filePath: string, originalName: string): Promise<PreparedUpload> {
  const detected = await fileTypeFromFile(filePath);
  if (!detected) throw new RefusedFileError("type");
  if (isImageType(detected.mime)) {
    const image = await processImage(filePath, detected.mime).catch((error: unknown) => {
      throw error instanceof RefusedImageError ? new RefusedFileError(error.reason, { cause: error }) : error;
    });
    return {
      kind: "image",
      ...image,
      name: safeFileName(originalName, imageTypes[image.mimeType]),
    };
  }
  const extension = acceptedFileTypes[detected.mime];
  if (!extension) throw new RefusedFileError("type");
  return { kind: "file", path: filePath, mimeType: detected.mime, name: safeFileName(originalName, extension) };
}

// Control and format characters (bidirectional overrides: "gpj.exe"), and characters Windows refuses in names.
const unsafeInName = /[\p{Cc}\p{Cf}"*/:<>?\\|]/gu;

/**
 * The name to keep and to offer on download: the last path segment, without
 * unsafe characters, at most 120 characters before an extension that matches
 * the detected type (so a PDF named `x.exe` is saved as `x.pdf`).
 */
export function safeFileName(original: string, extension: string): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  const stem = base
    .normalize("NFC")
    .replace(unsafeInName, "")
    .replace(/\.[^.]*$/, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  return `${[...stem].slice(0, 120).join("").trim() || "file"}.${extension}`;
}
