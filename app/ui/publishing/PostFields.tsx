import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { postKinds, postLocales } from "../../../src/modules/publishing/constants.ts";
import type { PostView } from "../../../src/modules/publishing/presenters.ts";
import { Select } from "../forms.tsx";
import { useI18n } from "../i18n.ts";
import { FormSection } from "../kit/FormSection.tsx";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";

export interface AuthorChoice {
  value: string;
  label: string;
}

/** A post's fields, for a new draft and for its editor (the same names as the API's body). */
export function PostFields({ post, people, error }: { post?: PostView; people: AuthorChoice[]; error?: ErrorBody }) {
  const { t } = useI18n();
  const guest = post && !post.author.personId ? post.author : null;
  return (
    <>
      <Select
        name="kind"
        label={t("publishing.field.kind")}
        options={postKinds.map((k) => ({ value: k, label: t(`publishing.kind.${k}`) }))}
        defaultValue={post?.kind ?? "blog"}
        error={error}
      />
      <Select
        name="locale"
        label={t("publishing.field.locale")}
        options={postLocales.map((l) => ({ value: l, label: t(`publishing.language.${l}`) }))}
        defaultValue={post?.locale ?? "fi"}
        error={error}
      />
      <TextField
        name="title"
        label={t("publishing.field.title")}
        defaultValue={post?.title}
        maxLength={300}
        required
        error={error}
      />
      <TextArea
        name="summary"
        label={t("publishing.field.summary")}
        hint={t("publishing.field.summaryHint")}
        defaultValue={post?.summary}
        rows={3}
        maxLength={1000}
        required
        error={error}
      />
      <TextArea
        name="body"
        label={t("publishing.field.body")}
        hint={t("publishing.field.bodyHint")}
        defaultValue={post?.body}
        rows={14}
        required
        error={error}
      />
      <TextField
        name="tags"
        label={t("publishing.field.tags")}
        hint={t("publishing.field.tagsHint")}
        defaultValue={post?.tags.join(", ")}
        optional
        error={error}
      />
      <FormSection title={t("publishing.author")}>
        <Select
          name="authorPersonId"
          label={t("publishing.field.author")}
          options={[{ value: "", label: t("publishing.field.authorNone") }, ...people]}
          defaultValue={post?.author.personId ?? ""}
          error={error}
        />
        <TextField
          name="authorName"
          label={t("publishing.field.authorName")}
          defaultValue={guest?.name}
          optional
          error={error}
        />
        <TextField
          name="authorOrganisation"
          label={t("publishing.field.authorOrganisation")}
          defaultValue={guest?.organisation}
          optional
          error={error}
        />
        <TextField
          name="authorTitle"
          label={t("publishing.field.authorTitle")}
          defaultValue={guest?.title}
          optional
          error={error}
        />
      </FormSection>
    </>
  );
}

/** The form's fields as the service's input: empty guest fields when a person is chosen. */
export function postFormInput(fields: Record<string, string>) {
  const person = fields.authorPersonId ?? "";
  return {
    kind: fields.kind,
    locale: fields.locale,
    title: fields.title,
    summary: fields.summary,
    body: fields.body,
    tags: fields.tags ?? "",
    authorPersonId: person,
    authorName: person ? "" : (fields.authorName ?? ""),
    authorOrganisation: person ? "" : (fields.authorOrganisation ?? ""),
    authorTitle: person ? "" : (fields.authorTitle ?? ""),
  };
}
