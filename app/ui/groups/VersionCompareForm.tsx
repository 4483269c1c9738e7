import { Form } from "react-router";
import { Select } from "../forms.tsx";
import { useI18n } from "../i18n.ts";
import { Button } from "../kit/Button.tsx";

interface VersionCompareFormProps {
  /** The history page's address; the form sends ?from=&to= there. */
  action: string;
  versions: { version: number; authorName: string; savedAt: Date | string }[];
  from: number;
  to: number;
}

/** Two native selects and a button: any two versions (or the empty start) compared, without JavaScript too. */
export function VersionCompareForm({ action, versions, from, to }: VersionCompareFormProps) {
  const { t, dateTime } = useI18n();
  const options = [
    ...versions.map((v) => ({
      value: String(v.version),
      label: `${t("groups.version", { version: v.version })} – ${t("groups.byAt", {
        name: v.authorName,
        time: dateTime(v.savedAt),
      })}`,
    })),
    { value: "0", label: t("groups.emptyVersion") },
  ];
  return (
    <Form method="get" action={action} className="filters compare-form">
      <Select name="from" label={t("groups.compareFrom")} options={options} defaultValue={String(from)} />
      <Select name="to" label={t("groups.compareTo")} options={options} defaultValue={String(to)} />
      <Button variant="secondary">{t("groups.compare")}</Button>
    </Form>
  );
}
