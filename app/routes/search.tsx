import { Form } from "react-router";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt } from "../web/actions.server.ts";
import type { Route } from "./+types/search";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

/** `/search?q=`: a plain GET form, so it works without JavaScript and a search can be linked. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return attempt(caller.locale, () => services.siteSearch.search(caller, { q }));
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failed = "error" in loaderData;
  const query = failed ? "" : loaderData.query;
  const hits = failed ? [] : loaderData.hits;
  return (
    <div className="stack">
      <title>{`${query ? `${query} – ` : ""}${t("publishing.search.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("publishing.search.lead")}>{t("publishing.search.title")}</PageTitle>
      <Form method="get" role="search" className="stack">
        <TextField
          name="q"
          label={t("publishing.search.field")}
          defaultValue={query}
          maxLength={200}
          error={failed ? loaderData.error : undefined}
        />
        <Button>{t("publishing.search.submit")}</Button>
      </Form>
      {query && (
        <section aria-labelledby="results-title" className="search-results">
          <Heading level={2} id="results-title">
            {hits.length > 0
              ? t("publishing.search.results", { count: hits.length, query })
              : t("publishing.search.none", { query })}
          </Heading>
          <ol className="post-list">
            {hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`} lang={hit.locale}>
                <Heading level={3}>
                  <a href={hit.path}>{hit.title}</a>
                </Heading>
                <p className="post-meta">{t(`publishing.search.kind.${hit.kind}`)}</p>
                <SanitisedHtml html={hit.snippetHtml} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
