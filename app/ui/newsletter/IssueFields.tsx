import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { useI18n } from "../i18n.ts";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";
import { LanguageSelect } from "./LanguageSelect.tsx";

export interface IssueValues {
  subject?: string;
  introduction?: string;
  locale?: string;
  topics?: string[];
  postIds?: string[];
}

/** An issue's fields: the same on the new-issue form and a draft's edit form. */
export function IssueFields({ error, values = {} }: { error?: ErrorBody; values?: IssueValues }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name="subject"
        label={t("newsletter.issue.subject")}
        required
        maxLength={200}
        defaultValue={values.subject}
        error={error}
      />
      <TextArea
        name="introduction"
        label={t("newsletter.issue.introduction")}
        required
        rows={6}
        defaultValue={values.introduction}
        error={error}
      />
      <LanguageSelect label={t("newsletter.issue.locale")} error={error} defaultValue={values.locale} />
      <TextField
        name="topics"
        label={t("newsletter.issue.topics")}
        optional
        defaultValue={values.topics?.join(", ")}
        error={error}
      />
      <TextArea
        name="postIds"
        label={t("newsletter.issue.postIds")}
        optional
        rows={3}
        defaultValue={values.postIds?.join("\n")}
        error={error}
      />
    </>
  );
}
