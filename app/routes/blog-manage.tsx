import { Form, redirect, useLocation } from "react-router";
import { canManageOffice } from "../../src/modules/publishing/policy.ts";
import type { PostView } from "../../src/modules/publishing/presenters.ts";
import { presentPostsPage } from "../../src/modules/publishing/presenters.ts";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { PostFields, postFormInput } from "../ui/publishing/PostFields.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/blog-manage";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

/** Staff's list of every post (drafts and scheduled ones too) and the form for a new draft. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    page: presentPostsPage(await services.publishingPosts.listAll(caller, { cursor, limit: 50 }), { staff: true }),
    // Only what the author choice shows: no addresses.
    people: (await services.people.listPeople(caller)).map((p) => ({
      value: p.id,
      label: [p.name, p.organisationName].filter(Boolean).join(", "),
    })),
    canManageOffice: canManageOffice(caller.actor),
  }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const fields = await formFields(request);
  return attempt(caller.locale, async () => {
    const record = await services.publishingPosts.create(caller, postFormInput(fields));
    return redirect(`/blog/manage/${record.post.id}`);
  });
}

export default function BlogManage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { search } = useLocation();
  const error = errorOf(actionData);
  const { page, people, canManageOffice } = loaderData;
  const columns: DataTableColumn<PostView>[] = [
    {
      key: "title",
      header: t("publishing.field.title"),
      cell: (p) => <a href={`/blog/manage/${p.id}`}>{p.title}</a>,
    },
    { key: "kind", header: t("publishing.field.kind"), cell: (p) => t(`publishing.kind.${p.kind}`) },
    {
      key: "status",
      header: t("publishing.status.published"),
      cell: (p) => (
        <>
          {p.status ? t(`publishing.status.${p.status}`) : ""}
          {p.publishedAt && (
            <>
              {" "}
              <time dateTime={p.publishedAt}>{dateTime(p.publishedAt)}</time>
            </>
          )}
        </>
      ),
    },
    { key: "author", header: t("publishing.author"), cell: (p) => p.author.name },
  ];
  return (
    <div className="stack">
      <title>{`${t("publishing.manage.title")} – ${t("app.name")}`}</title>
      <PageTitle
        actions={canManageOffice && <ButtonLink to="/admin/office">{t("publishing.office.title")}</ButtonLink>}
      >
        {t("publishing.manage.title")}
      </PageTitle>
      <DataTable
        caption={t("publishing.manage.title")}
        captionHidden
        rowHeader
        columns={columns}
        rows={page.items}
        rowKey={(p) => p.id}
        previousPageHref={readCursor(search) === undefined ? undefined : pageHref(search, undefined)}
        nextPageHref={page.nextCursor ? pageHref(search, page.nextCursor) : undefined}
        emptyText={t("publishing.none")}
      />
      <section aria-labelledby="new-post-title" className="stack">
        <Heading level={2} id="new-post-title">
          {t("publishing.manage.new")}
        </Heading>
        <Form method="post" className="stack" noValidate>
          <ErrorSummary error={error} />
          <PostFields people={people} error={error} />
          <Button>{t("publishing.manage.create")}</Button>
        </Form>
      </section>
    </div>
  );
}
