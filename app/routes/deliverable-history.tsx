import { AppError } from "../../src/core/errors.ts";
import { presentComparison } from "../../src/modules/deliverables/presenters.ts";
import { VersionCompareForm } from "../ui/groups/VersionCompareForm.tsx";
import { useI18n } from "../ui/i18n.ts";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/deliverable-history";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  const url = new URL(request.url);
  return load(async () => {
    const versions = await context.services.deliverables.versions(context.caller, params.sectionId);
    const latest = versions[0]?.version ?? 0;
    const comparison = await context.services.deliverables.compare(context.caller, params.sectionId, {
      from: url.searchParams.get("from") ?? Math.max(0, latest - 1),
      to: url.searchParams.get("to") ?? latest,
    });
    if (comparison.section.deliverableId !== params.id) throw new AppError("NOT_FOUND");
    return presentComparison(comparison);
  });
}

export default function DeliverableHistory({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { section, versions, from, to, diff } = loaderData;
  const heading = t("groups.historyOf", { title: `${section.position}. ${section.title}` });
  const versionLabel = (v: typeof from) =>
    v
      ? `${t("groups.version", { version: v.version })} (${t("groups.byAt", { name: v.authorName, time: dateTime(v.savedAt) })})`
      : t("groups.emptyVersion");
  const changeLabel = { added: t("groups.diff.added"), removed: t("groups.diff.removed"), same: t("groups.diff.same") };
  const diffColumns: DataTableColumn<(typeof diff.lines)[number]>[] = [
    {
      key: "change",
      header: t("groups.diff.change"),
      cell: (line) => (
        <span className="diff-kind">
          <span aria-hidden="true" className="diff-sign">
            {line.kind === "added" ? "+" : line.kind === "removed" ? "−" : ""}
          </span>{" "}
          {changeLabel[line.kind]}
        </span>
      ),
    },
    {
      key: "line",
      header: t("groups.diff.line"),
      cell: (line) =>
        line.kind === "added" ? (
          <ins>{line.text || t("groups.emptyLine")}</ins>
        ) : line.kind === "removed" ? (
          <del>{line.text || t("groups.emptyLine")}</del>
        ) : (
          line.text || <span className="muted">{t("groups.emptyLine")}</span>
        ),
    },
  ];
  return (
    <div className="stack">
      <title>{`${heading} – ${t("app.name")}`}</title>
      <p>
        <a href={`/d/${section.deliverableId}/s/${section.id}`}>
          ← {t("groups.backTo", { title: `${section.position}. ${section.title}` })}
        </a>
      </p>
      <PageTitle>{heading}</PageTitle>
      <p className="muted">{section.deliverableTitle}</p>
      <VersionCompareForm
        action={`/d/${section.deliverableId}/s/${section.id}/history`}
        versions={versions}
        from={from?.version ?? 0}
        to={to?.version ?? 0}
      />
      <p>
        <strong>{versionLabel(from)}</strong> → <strong>{versionLabel(to)}</strong>
      </p>
      <p role="status">{t("groups.diffSummary", { added: diff.added, removed: diff.removed })}</p>
      {diff.added + diff.removed === 0 && <p>{t("groups.noDifferences")}</p>}
      {diff.lines.length > 0 && (
        <DataTable
          caption={t("groups.diffCaption", { from: from?.version ?? 0, to: to?.version ?? 0 })}
          className="diff"
          columns={diffColumns}
          rows={diff.lines.map((line, index) => ({ ...line, index }))}
          rowKey={(line) => String(line.index)}
          rowClassName={(line) => `diff-${line.kind}`}
          emptyText={t("groups.noDifferences")}
        />
      )}
    </div>
  );
}
