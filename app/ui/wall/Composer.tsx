import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { postBodyMaxLength } from "../../../src/modules/walls/constants.ts";
import { useI18n } from "../i18n.ts";
import { Button } from "../kit/Button.tsx";
import { Field } from "../kit/Field.tsx";
import { FieldGroup } from "../kit/FieldGroup.tsx";
import { Heading } from "../kit/Heading.tsx";
import { AttachmentField, type UploadedAttachment } from "./AttachmentField.tsx";
import { newIdempotencyKey, type PostDraft } from "./outbox.ts";
import type { WallPost, WallView } from "./types.ts";

interface ComposerProps {
  wall: WallView;
  /** Sent with the no-JavaScript form; the script makes a fresh one per post. */
  idempotencyKey: string;
  replyTo: WallPost | null;
  /** The post being edited, with its Markdown source (GET /api/posts/{id}/source). */
  editing: (WallPost & { body: string }) | null;
  onSubmit(draft: PostDraft): void;
  onSaveEdit(post: WallPost, changes: Pick<PostDraft, "kind" | "title" | "body">): Promise<string | null>;
  onClose(): void;
  /** Opened by the person (not rendered for the no-JavaScript fallback): take focus. */
  focusOnMount: boolean;
}

const nameStorageKey = "uudistamo:author-name";

/**
 * The post form. Without JavaScript it is a plain form posting to the page;
 * with it, the post goes to the outbox, which sends it now or when the
 * connection returns.
 */
export function Composer({
  wall,
  idempotencyKey,
  replyTo,
  editing,
  onSubmit,
  onSaveEdit,
  onClose,
  focusOnMount,
}: ComposerProps) {
  const { t } = useI18n();
  const headingId = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(editing?.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const [savedName, setSavedName] = useState("");
  const [upload, setUpload] = useState<UploadedAttachment | null>(null);

  useEffect(() => {
    if (focusOnMount) bodyRef.current?.focus();
    setSavedName(localStorage.getItem(nameStorageKey) ?? "");
  }, [focusOnMount]);

  const remaining = postBodyMaxLength - body.length;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
    };
    const kind = (value("kind") ?? "comment") as PostDraft["kind"];
    const text = value("body");
    if (!text) {
      setError(t("walls.bodyRequired"));
      bodyRef.current?.focus();
      return;
    }
    if (editing) {
      const problem = await onSaveEdit(editing, { kind, title: value("title") ?? "", body: text });
      if (problem) setError(problem);
      else onClose();
      return;
    }
    const authorName = value("authorName");
    if (!wall.anonymousAllowed && !authorName) {
      setError(t("walls.nameRequired"));
      return;
    }
    const alt = value("attachmentAlt");
    if (upload?.kind === "image" && !alt) {
      setError(t("walls.imageAltRequired"));
      return;
    }
    if (authorName) localStorage.setItem(nameStorageKey, authorName);
    onSubmit({
      kind,
      title: value("title"),
      body: text,
      authorName,
      sectionId: value("sectionId"),
      parentId: replyTo?.id,
      linkUrl: value("linkUrl"),
      ...(upload ? { attachmentFileId: upload.fileId, attachmentAlt: alt } : {}),
      idempotencyKey: newIdempotencyKey(),
    });
    onClose();
  }

  return (
    <section className="composer" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {editing
          ? t("walls.editPost")
          : replyTo
            ? t("walls.replyTo", { author: replyTo.authorName ?? t("walls.anonymous") })
            : t("walls.newPost")}
      </Heading>
      <form
        method="post"
        encType="multipart/form-data"
        onSubmit={submit}
        onKeyDown={(e) => e.key === "Escape" && onClose()}
        noValidate
      >
        <input type="hidden" name="intent" value="post" />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {replyTo && <input type="hidden" name="parentId" value={replyTo.id} />}
        {error && (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        )}
        {!replyTo && (
          <FieldGroup name="kind" idPrefix="composer" legend={t("walls.kindLegend")} className="composer-kinds">
            {(["comment", "question", "remark"] as const).map((kind) => (
              <label key={kind}>
                <input type="radio" name="kind" value={kind} defaultChecked={(editing?.kind ?? "comment") === kind} />{" "}
                {t(`walls.kind.${kind}`)}
              </label>
            ))}
          </FieldGroup>
        )}
        {!replyTo && (
          <Field name="title" id="composer-title" label={t("walls.postTitle")} optional>
            <input className="text-input" maxLength={200} defaultValue={editing?.title ?? ""} />
          </Field>
        )}
        <Field
          name="body"
          id="composer-body"
          label={t("walls.postBody")}
          hint={t("walls.postBodyHint")}
          describedBy="composer-body-count"
          required
        >
          {(control) => (
            <>
              <textarea
                {...control}
                ref={bodyRef}
                className="text-input"
                rows={5}
                maxLength={postBodyMaxLength}
                value={body}
                onChange={(e) => setBody(e.target.value)}
              />
              <span id="composer-body-count" className="field-hint" aria-live={remaining < 100 ? "polite" : "off"}>
                {t("walls.charactersLeft", { count: remaining })}
              </span>
            </>
          )}
        </Field>
        {!editing && (
          <Field
            name="authorName"
            id="composer-name"
            label={t("walls.yourName")}
            hint={wall.anonymousAllowed ? t("walls.anonymousHint") : undefined}
            optional={wall.anonymousAllowed}
            required={!wall.anonymousAllowed}
          >
            <input
              className="text-input"
              maxLength={100}
              autoComplete="name"
              defaultValue={savedName}
              key={savedName}
            />
          </Field>
        )}
        {!editing && !replyTo && wall.sections.length > 0 && (
          <Field name="sectionId" id="composer-section" label={t("walls.section")}>
            <select className="native-select">
              {wall.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        {!editing && !replyTo && (
          <Field name="linkUrl" id="composer-link" label={t("walls.link")} optional>
            <input type="url" className="text-input" inputMode="url" placeholder="https://" />
          </Field>
        )}
        {!editing && !replyTo && <AttachmentField wallId={wall.id} onUploaded={setUpload} />}
        <div className="form-actions">
          <Button>{editing ? t("walls.save") : t("walls.send")}</Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("walls.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
