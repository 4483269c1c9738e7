import { Form, redirect } from "react-router";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref } from "../ui/kit/table-query.ts";
import { WallSettingsFields, wallFormInput } from "../ui/wall/WallSettingsFields.tsx";
import { attempt, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/walls";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  const url = new URL(request.url);
  const cursor = url.searchParams.get("cursor") || undefined;
  return load(async () => {
    const page = await context.services.walls.pageWalls(context.caller, { cursor });
    return { walls: page.items, nextCursor: page.nextCursor, firstPage: !cursor, search: url.search };
  });
}

export async function action({ context, request }: Route.ActionArgs) {
  const input = wallFormInput(await request.formData());
  return attempt(context.caller.locale, async () => {
    const wall = await context.services.walls.create(context.caller, input);
    return redirect(`/w/${wall.slug}`);
  });
}

export default function Walls({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const { walls, nextCursor, firstPage, search } = loaderData;
  const columns: DataTableColumn<(typeof walls)[number]>[] = [
    {
      key: "title",
      header: t("walls.form.title"),
      cell: (w) => (
        <>
          <a href={`/w/${w.slug}`}>{w.title}</a>
          {w.closed && <span className="muted"> ({t("walls.closed")})</span>}
        </>
      ),
    },
    { key: "access", header: t("walls.form.access"), cell: (w) => t(`walls.access.${w.access}`) },
    { key: "moderation", header: t("walls.form.moderation"), cell: (w) => t(`walls.moderationMode.${w.moderation}`) },
    { key: "link", header: t("walls.shortLink"), cell: (w) => `/w/${w.slug}` },
  ];
  return (
    <div className="stack">
      <title>{`${t("walls.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("walls.lead")}>{t("walls.title")}</PageTitle>
      <DataTable
        caption={t("walls.title")}
        captionHidden
        rowHeader
        columns={columns}
        rows={walls}
        rowKey={(w) => w.id}
        previousPageHref={firstPage ? undefined : pageHref(search, undefined)}
        nextPageHref={nextCursor ? pageHref(search, nextCursor) : undefined}
        emptyText={t("walls.none")}
      />
      <section aria-labelledby="new-wall" className="narrow stack">
        <Heading level={2} id="new-wall">
          {t("walls.create")}
        </Heading>
        <ErrorSummary error={error} />
        <Form method="post" className="stack">
          <WallSettingsFields error={error} withSections />
          <div className="form-actions">
            <Button>{t("walls.create")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
