import { Form, useNavigation } from "react-router";
import { helsinkiToInstant, instantToHelsinki } from "../../src/core/dates.ts";
import { presentPost, presentRevision } from "../../src/modules/publishing/presenters.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { PostFields, postFormInput } from "../ui/publishing/PostFields.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import { TextField } from "../ui/TextField.tsx";
import { formFields, load, requireSignIn } from "../web/actions.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/blog-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => {
    const record = await services.publishingPosts.getById(caller, params.id);
    return {
      post: presentPost(record, { staff: true }),
      history: (await services.publishingPosts.revisions(caller, params.id)).map(presentRevision),
      people: (await services.people.listPeople(caller)).map((p) => ({
        value: p.id,
        label: [p.name, p.organisationName].filter(Boolean).join(", "),
      })),
    };
  });
}

/** "YYYY-MM-DD" and "HH:MM" in Finnish time as an instant; anything else is given on for the service to refuse. */
function publishTime(date: string, time: string): string | undefined {
  if (!date && !time) return undefined;
  try {
    return helsinkiToInstant(date, time || "00:00").toISOString();
  } catch {
    return `${date} ${time}`;
  }
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const fields = await formFields(request);
  const posts = services.publishingPosts;
  if (fields.intent === "publish")
    return attemptForm(caller.locale, "publish", async () => {
      const publishAt = publishTime(fields.publishDate ?? "", fields.publishTime ?? "");
      await posts.publish(caller, params.id, publishAt ? { publishAt } : {});
      return { saved: true as const };
    });
  if (fields.intent === "unpublish")
    return attemptForm(caller.locale, "unpublish", async () => {
      await posts.unpublish(caller, params.id);
      return { saved: true as const };
    });
  return attemptForm(caller.locale, "post", async () => {
    await posts.update(caller, params.id, postFormInput(fields));
    return { saved: true as const };
  });
}

export default function BlogEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const navigation = useNavigation();
  const { post, history, people } = loaderData;
  const error = errorOf(actionData);
  const intent = actionData && "intent" in actionData ? actionData.intent : undefined;
  const saved = actionData && "saved" in actionData && navigation.state === "idle";
  const scheduled =
    post.status === "scheduled" && post.publishedAt ? instantToHelsinki(new Date(post.publishedAt)) : null;
  return (
    <div className="stack">
      <title>{`${t("publishing.manage.edit", { title: post.title })} – ${t("app.name")}`}</title>
      <PageTitle
        lead={`${t(`publishing.status.${post.status ?? "draft"}`)}${post.publishedAt ? ` · ${dateTime(post.publishedAt)}` : ""}`}
        actions={
          <>
            <ButtonLink to={post.path}>{t("publishing.manage.view")}</ButtonLink>
            <ButtonLink to="/blog/manage">{t("publishing.manage.title")}</ButtonLink>
          </>
        }
      >
        {t("publishing.manage.edit", { title: post.title })}
      </PageTitle>
      {saved && <Notice>{t("publishing.manage.saved")}</Notice>}
      <section aria-labelledby="publishing-title" className="stack">
        <Heading level={2} id="publishing-title">
          {t("publishing.manage.publishing")}
        </Heading>
        <FieldIdScope prefix="publish">
          <Form method="post" className="stack" noValidate>
            {intent === "publish" && <ErrorSummary error={error} idPrefix="publish" />}
            <input type="hidden" name="intent" value="publish" />
            <p className="muted">{t("publishing.field.publishAtHint")}</p>
            <TextField
              name="publishDate"
              label={`${t("publishing.field.publishAt")} (${t("events.form.date")})`}
              defaultValue={scheduled?.date}
              hint="YYYY-MM-DD"
              optional
              error={intent === "publish" ? error : undefined}
            />
            <TextField
              name="publishTime"
              label={`${t("publishing.field.publishAt")} (HH:MM)`}
              defaultValue={scheduled?.time}
              optional
            />
            <Button>{t("publishing.manage.schedule")}</Button>
          </Form>
        </FieldIdScope>
        {post.status !== "draft" && (
          <Form method="post">
            <input type="hidden" name="intent" value="unpublish" />
            <Button variant="secondary">{t("publishing.manage.unpublish")}</Button>
          </Form>
        )}
      </section>
      <section aria-labelledby="post-fields-title" className="stack">
        <Heading level={2} id="post-fields-title">
          {t("publishing.manage.save")}
        </Heading>
        <Form method="post" className="stack" noValidate>
          {intent === "post" && <ErrorSummary error={error} />}
          <input type="hidden" name="intent" value="post" />
          <PostFields post={post} people={people} error={intent === "post" ? error : undefined} />
          <Button>{t("publishing.manage.save")}</Button>
        </Form>
      </section>
      <section aria-labelledby="history-title">
        <Heading level={2} id="history-title">
          {t("publishing.manage.history")}
        </Heading>
        {history.length === 0 ? (
          <p>{t("publishing.manage.noHistory")}</p>
        ) : (
          <ul>
            {history.map((r) => (
              <li key={r.revision}>
                {t("publishing.manage.revision", { revision: r.revision, date: dateTime(r.replacedAt) })}:{" "}
                {String(r.content.title ?? "")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
