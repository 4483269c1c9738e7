import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

/**
 * Turns uploaded bytes into what we store: the type comes from the content
 * (file-type), never from the name or the browser's claim.
 *
 * Images (JPEG, PNG, WebP, GIF) are decoded and written again by sharp: turned
 * upright by their EXIF orientation, fitted within 1600×1600 (never enlarged),
 * converted to sRGB, and written without any metadata (EXIF, GPS, XMP, IPTC,
 * ICC, comments), in their own format (JPEG at quality 82). Animated GIFs and
 * WebPs stay animated: sharp writes every frame again from pixels, with only
 * the frame delays and loop count, so nothing else of the original survives.
 *
 * Other files are kept byte for byte, and only these types are taken: PDF,
 * Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp). Refused:
 * macro-enabled Office files (docm, xlsm, pptm); legacy binary Office files
 * (file-type reports any Compound File as application/x-cfb, which an .msi
 * installer also is, and those formats are the classic macro carrier); SVG
 * (can carry script); HTML and text (not detected at all); everything else.
 */

export const imageMaxSide = 1600;
/** Decoding limit against decompression bombs: 50 megapixels, all frames of an animation together. */
export const imageMaxInputPixels = 50_000_000;

const imageTypes = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
} as const;
type ImageType = keyof typeof imageTypes;

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
  | { kind: "file"; data: Uint8Array; mimeType: string; name: string };

/** The upload is not a type we take ("type"), or claims to be an image but does not decode ("unreadable"). */
export class RefusedFileError extends Error {
  override name = "RefusedFileError";
  constructor(readonly reason: "type" | "unreadable") {
    super(`refused upload: ${reason}`);
  }
}

const isImageType = (mime: string): mime is ImageType => mime in imageTypes;

export async function prepareUpload(data: Uint8Array, originalName: string): Promise<PreparedUpload> {
  const detected = await fileTypeFromBuffer(data);
  if (!detected) throw new RefusedFileError("type");
  if (isImageType(detected.mime)) {
    const image = await processImage(data, detected.mime);
    return {
      kind: "image",
      ...image,
      mimeType: detected.mime,
      name: safeFileName(originalName, imageTypes[detected.mime]),
    };
  }
  const extension = acceptedFileTypes[detected.mime];
  if (!extension) throw new RefusedFileError("type");
  return { kind: "file", data, mimeType: detected.mime, name: safeFileName(originalName, extension) };
}

async function processImage(data: Uint8Array, mime: ImageType) {
  const animated = mime === "image/gif" || mime === "image/webp";
  try {
    let pipeline = sharp(data, { animated, limitInputPixels: imageMaxInputPixels, failOn: "error" })
      .autoOrient()
      .resize({ width: imageMaxSide, height: imageMaxSide, fit: "inside", withoutEnlargement: true });
    // No keepMetadata / withMetadata: sharp drops every kind of metadata and converts to sRGB.
    pipeline =
      mime === "image/jpeg"
        ? pipeline.jpeg({ quality: 82 })
        : mime === "image/png"
          ? pipeline.png()
          : mime === "image/webp"
            ? pipeline.webp({ quality: 82 })
            : pipeline.gif();
    const { data: output, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data: output, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    throw Object.assign(new RefusedFileError("unreadable"), { cause: error });
  }
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
