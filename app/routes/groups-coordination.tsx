import { presentCoordination } from "../../src/modules/deliverables/presenters.ts";
import { DeadlineText, StatusTag } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/groups-coordination";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => ({
    rows: (await context.services.deliverables.coordination(context.caller)).map(presentCoordination),
  }));
}

export default function Coordination({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { rows } = loaderData;
  return (
    <div className="stack">
      <title>{`${t("groups.coordination.title")} – ${t("app.name")}`}</title>
      <p>
        <a href="/groups">← {t("groups.title")}</a>
      </p>
      <h1>{t("groups.coordination.title")}</h1>
      <p className="lead">{t("groups.coordination.lead")}</p>
      {rows.length === 0 ? (
        <p>{t("groups.coordination.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("groups.nextDeadline")}</th>
                <th scope="col">{t("groups.deliverable")}</th>
                <th scope="col">{t("groups.group")}</th>
                <th scope="col">{t("groups.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.deliverableId} className={r.nextDeadline?.overdue ? "row-overdue" : undefined}>
                  <td data-label={t("groups.nextDeadline")}>
                    <DeadlineText deadline={r.nextDeadline} />
                  </td>
                  <td data-label={t("groups.deliverable")}>
                    <a href={`/d/${r.deliverableId}`}>{r.title}</a>
                  </td>
                  <td data-label={t("groups.group")}>
                    <a href={`/groups/${r.group.slug}`}>{r.group.name}</a>
                  </td>
                  <td data-label={t("groups.status")}>
                    <StatusTag status={r.status} />
                    <span className="muted"> · {date(r.updatedAt)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
