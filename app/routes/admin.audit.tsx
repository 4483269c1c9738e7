import { Form, useLocation } from "react-router";
import { Button, Heading, Paragraph } from "suomifi-ui-components";
import type { MessageKey } from "../../src/i18n/translate.ts";
import { presentPersonChoice } from "../../src/modules/people/presenters.ts";
import { Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { pageHref } from "../ui/kit/table-query.ts";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.audit";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  const query = new URL(request.url).searchParams;
  const filter = {
    actorId: query.get("actorId") || undefined,
    module: query.get("module") || undefined,
    cursor: query.get("cursor") || undefined,
  };
  return load(async () => ({
    page: await services.audit.list(caller, filter),
    modules: await services.audit.modules(caller),
    people: (await services.people.listPeople(caller)).map(presentPersonChoice),
    filter,
  }));
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { page, modules, people, filter } = loaderData;
  const events = page.items;
  const moduleLabel = (m: string) => {
    const key = `audit.modules.${m}` as MessageKey;
    const label = t(key);
    return label === key ? m : label;
  };
  // Plain links that keep the filters, so paging works without JavaScript.
  const { search } = useLocation();
  return (
    <div className="stack">
      <title>{`${t("audit.title")} – ${t("app.name")}`}</title>
      <Heading variant="h1">{t("audit.title")}</Heading>
      <Paragraph className="lead">{t("audit.lead")}</Paragraph>
      <Form method="get" className="filters">
        <Select
          name="actorId"
          label={t("audit.person")}
          defaultValue={filter.actorId ?? ""}
          options={[{ value: "", label: t("audit.all") }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <Select
          name="module"
          label={t("audit.module")}
          defaultValue={filter.module ?? ""}
          options={[{ value: "", label: t("audit.all") }, ...modules.map((m) => ({ value: m, label: moduleLabel(m) }))]}
        />
        <Button type="submit">{t("audit.filter")}</Button>
      </Form>
      {events.length === 0 ? (
        <Paragraph>{t("audit.empty")}</Paragraph>
      ) : (
        <div className="table-wrap">
          <table className="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.module")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.target")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("audit.at")}>
                    <time dateTime={new Date(e.at).toISOString()}>{dateTime(e.at)}</time>
                  </td>
                  <td data-label={t("audit.actor")}>{e.actorName ?? t("audit.system")}</td>
                  <td data-label={t("audit.module")}>{moduleLabel(e.module)}</td>
                  <td data-label={t("audit.action")}>
                    <code>{e.action}</code>
                  </td>
                  <td data-label={t("audit.target")}>
                    {e.targetType}
                    {e.targetId ? <span className="muted"> {e.targetId.slice(0, 8)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page.nextCursor || filter.cursor) && (
        <nav aria-label={t("pagination.label")} className="data-table-pages">
          {filter.cursor && <a href={pageHref(search, undefined)}>{t("pagination.first")}</a>}
          {page.nextCursor && (
            <a href={pageHref(search, page.nextCursor)} rel="next">
              {t("audit.older")}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
