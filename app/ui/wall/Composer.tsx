import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { postBodyMaxLength } from "../../../src/modules/walls/constants.ts";
import { useI18n } from "../i18n.ts";
import { AttachmentField, type UploadedAttachment } from "./AttachmentField.tsx";
import { newIdempotencyKey, type PostDraft } from "./outbox.ts";
import type { WallPost, WallView } from "./types.ts";

interface ComposerProps {
  wall: WallView;
  /** Sent with the no-JavaScript form; the script makes a fresh one per post. */
  idempotencyKey: string;
  replyTo: WallPost | null;
  editing: WallPost | null;
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
      <h2 id={headingId}>
        {editing
          ? t("walls.editPost")
          : replyTo
            ? t("walls.replyTo", { author: replyTo.authorName ?? t("walls.anonymous") })
            : t("walls.newPost")}
      </h2>
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
          <fieldset className="choice composer-kinds">
            <legend>{t("walls.kindLegend")}</legend>
            {(["comment", "question", "remark"] as const).map((kind) => (
              <label key={kind}>
                <input type="radio" name="kind" value={kind} defaultChecked={(editing?.kind ?? "comment") === kind} />{" "}
                {t(`walls.kind.${kind}`)}
              </label>
            ))}
          </fieldset>
        )}
        {!replyTo && (
          <div className="field">
            <label htmlFor="composer-title">
              {t("walls.postTitle")} <span className="muted">({t("forms.optional")})</span>
            </label>
            <input
              id="composer-title"
              name="title"
              className="text-input"
              maxLength={200}
              defaultValue={editing?.title ?? ""}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="composer-body">{t("walls.postBody")}</label>
          <span id="composer-body-hint" className="field-hint">
            {t("walls.postBodyHint")}
          </span>
          <textarea
            id="composer-body"
            ref={bodyRef}
            name="body"
            className="text-input"
            rows={5}
            maxLength={postBodyMaxLength}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby="composer-body-hint composer-body-count"
          />
          <span id="composer-body-count" className="field-hint" aria-live={remaining < 100 ? "polite" : "off"}>
            {t("walls.charactersLeft", { count: remaining })}
          </span>
        </div>
        {!editing && (
          <div className="field">
            <label htmlFor="composer-name">
              {t("walls.yourName")} {wall.anonymousAllowed && <span className="muted">({t("forms.optional")})</span>}
            </label>
            {wall.anonymousAllowed && (
              <span id="composer-name-hint" className="field-hint">
                {t("walls.anonymousHint")}
              </span>
            )}
            <input
              id="composer-name"
              name="authorName"
              className="text-input"
              maxLength={100}
              autoComplete="name"
              defaultValue={savedName}
              key={savedName}
              required={!wall.anonymousAllowed}
              aria-describedby={wall.anonymousAllowed ? "composer-name-hint" : undefined}
            />
          </div>
        )}
        {!editing && !replyTo && wall.sections.length > 0 && (
          <div className="field">
            <label htmlFor="composer-section">{t("walls.section")}</label>
            <select id="composer-section" name="sectionId" className="native-select">
              {wall.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {!editing && !replyTo && (
          <div className="field">
            <label htmlFor="composer-link">
              {t("walls.link")} <span className="muted">({t("forms.optional")})</span>
            </label>
            <input
              id="composer-link"
              name="linkUrl"
              type="url"
              className="text-input"
              inputMode="url"
              placeholder="https://"
            />
          </div>
        )}
        {!editing && !replyTo && <AttachmentField wallId={wall.id} onUploaded={setUpload} />}
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {editing ? t("walls.save") : t("walls.send")}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t("walls.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
