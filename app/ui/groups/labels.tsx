import type { DeadlineKind, DeliverableStatus } from "../../../src/modules/deliverables/constants.ts";
import { deadlineKinds } from "../../../src/modules/deliverables/constants.ts";
import type { NextDeadline } from "../../../src/modules/deliverables/deadlines.ts";
import type { GroupRole } from "../../../src/modules/groups/constants.ts";
import { groupRoles } from "../../../src/modules/groups/constants.ts";
import type { Localised } from "../../../src/modules/templates/constants.ts";
import { inLocale } from "../../../src/modules/templates/constants.ts";
import type { T } from "../i18n.ts";
import { useI18n } from "../i18n.ts";

export const roleOptions = (t: T) => groupRoles.map((r) => ({ value: r, label: t(`groups.role.${r}`) }));
export const deadlineKindOptions = (t: T) => deadlineKinds.map((k) => ({ value: k, label: t(`groups.deadline.${k}`) }));
export const roleLabel = (t: T, role: GroupRole) => t(`groups.role.${role}`);

/** A deliverable's status as text (with a class for its colour; the text says it all). */
export function StatusTag({ status }: { status: DeliverableStatus }) {
  const { t } = useI18n();
  return <span className={`status-tag status-${status}`}>{t(`groups.status.${status}`)}</span>;
}

/** "Raportointi koordinaatioryhmälle: 30. kesäkuuta 2017", "Myöhässä" written out when overdue. */
export function DeadlineText({ deadline }: { deadline: NextDeadline | null }) {
  const { t, date } = useI18n();
  if (!deadline) return <span className="muted">{t("groups.noDeadline")}</span>;
  const what = deadline.label || t(`groups.deadline.${deadline.kind}`);
  return (
    <span>
      {deadline.overdue && <strong className="overdue-tag">{t("groups.overdue")}: </strong>}
      {what}, {date(`${deadline.dueOn}T12:00:00Z`)}
    </span>
  );
}

/** A calendar day ("YYYY-MM-DD") in the page's language; noon UTC is the same day in Finland. */
export function useDay() {
  const { date } = useI18n();
  return (day: string) => date(`${day}T12:00:00Z`);
}

export const deadlineLabel = (t: T, kind: DeadlineKind, label: string) => label || t(`groups.deadline.${kind}`);

/** A template's or phase's text in the page's language (Finnish when that one is empty). */
export function useLocalised() {
  const { locale } = useI18n();
  return (text: Localised) => inLocale(text, locale);
}
