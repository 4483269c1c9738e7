import { useId, useState } from "react";
import { useI18n } from "../i18n.ts";
import { Field } from "../kit/Field.tsx";

export interface UploadedAttachment {
  fileId: string;
  kind: "image" | "file";
  name: string;
}

const accepted = "image/jpeg,image/png,image/webp,image/gif,application/pdf,.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp";

/**
 * An image or a small file for a post. With JavaScript the file is uploaded as
 * soon as it is chosen (so sending the post later is quick); without it, the
 * file goes with the form. An image asks for its alternative text.
 */
export function AttachmentField({
  wallId,
  onUploaded,
}: {
  wallId: string;
  onUploaded(upload: UploadedAttachment | null): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [isImage, setIsImage] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function choose(file: File | undefined) {
    onUploaded(null);
    setIsImage(Boolean(file?.type.startsWith("image/")));
    if (!file) {
      setStatus(null);
      return;
    }
    setStatus({ text: t("walls.uploading"), error: false });
    const body = new FormData();
    body.append("file", file);
    try {
      const response = await fetch(`/api/walls/${wallId}/uploads`, {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      const result = (await response.json()) as UploadedAttachment & {
        message?: string;
        issues?: { message: string }[];
      };
      if (!response.ok) {
        setStatus({ text: result.issues?.[0]?.message ?? result.message ?? t("errors.INTERNAL"), error: true });
        return;
      }
      setIsImage(result.kind === "image");
      onUploaded(result);
      setStatus({ text: t("walls.uploaded", { name: result.name }), error: false });
    } catch {
      // No connection: a post can wait in the outbox, a file cannot.
      setStatus({ text: t("walls.uploadNeedsConnection"), error: true });
    }
  }

  return (
    <>
      <Field
        name="file"
        id={`${id}-file`}
        label={t("walls.attachFile")}
        hint={t("walls.attachFileHint")}
        describedBy={`${id}-status`}
        optional
      >
        {(control) => (
          <>
            <input {...control} type="file" accept={accepted} onChange={(e) => void choose(e.target.files?.[0])} />
            <span id={`${id}-status`} className={status?.error ? "field-error" : "field-hint"} role="status">
              {status?.text ?? ""}
            </span>
          </>
        )}
      </Field>
      <div hidden={!isImage}>
        <Field name="attachmentAlt" id={`${id}-alt`} label={t("walls.imageAlt")} hint={t("walls.imageAltHint")}>
          <input className="text-input" maxLength={500} />
        </Field>
      </div>
    </>
  );
}
