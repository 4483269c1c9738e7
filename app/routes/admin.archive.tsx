import { useEffect } from "react";
import { Form, redirect, useRevalidator } from "react-router";
import { allows } from "../../src/core/policy.ts";
import { archivePolicy } from "../../src/modules/archive/policy.ts";
import { presentArchiveExport } from "../../src/modules/archive/presenters.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonAnchor, ButtonLink } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { attempt, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.archive";

/** The archive exports: admins start one; admins and auditors follow them and download finished ones. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const started = new URL(request.url).searchParams.get("started");
  return load(async () => {
    const exports = (await services.archive.list(caller)).map(presentArchiveExport);
    return {
      exports,
      canStart: allows(archivePolicy.startExport, caller.actor),
      started: exports.some((e) => e.id === started),
    };
  });
}

/** A plain form POST; then back to the list (a reload does not start another). */
export async function action({ context }: Route.ActionArgs) {
  const { services, caller } = context;
  return attempt(caller.locale, async () => {
    const row = await services.archive.start(caller);
    return redirect(`/admin/archive?started=${row.id}`);
  });
}

type Export = Route.ComponentProps["loaderData"]["exports"][number];

export default function AdminArchive({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime, number } = useI18n();
  const { exports, canStart, started } = loaderData;
  const error = errorOf(actionData);
  const revalidator = useRevalidator();
  const working = exports.some((e) => e.status === "queued" || e.status === "running");
  // With JavaScript the page reads the progress again every two seconds while an export works; without it, the
  // refresh link.
  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [working, revalidator]);
  const progress = (done: number, total: number) =>
    t("archive.progress", { done: number(done), total: number(Math.max(total, done)) });
  const columns: DataTableColumn<Export>[] = [
    {
      key: "created",
      header: t("archive.created"),
      cell: (e) => <time dateTime={e.createdAt}>{dateTime(e.createdAt)}</time>,
    },
    {
      key: "status",
      header: t("archive.status"),
      cell: (e) => (
        <>
          {t(`archive.status.${e.status}`)}
          {e.status === "failed" && e.error ? `: ${e.error}` : ""}
        </>
      ),
    },
    {
      key: "records",
      header: t("archive.records"),
      cell: (e) => progress(e.progress.recordsDone, e.progress.recordsTotal),
      align: "end",
    },
    {
      key: "files",
      header: t("archive.files"),
      cell: (e) => progress(e.progress.filesDone, e.progress.filesTotal),
      align: "end",
    },
    {
      key: "size",
      header: t("archive.size"),
      cell: (e) =>
        e.sizeBytes === null
          ? "–"
          : t("archive.megabytes", { size: number(Math.round((e.sizeBytes / 1048576) * 10) / 10) }),
      align: "end",
    },
    {
      key: "download",
      header: t("archive.download"),
      cell: (e) =>
        e.download ? (
          <ButtonAnchor href={e.download} download>
            {t("archive.downloadZip")}
          </ButtonAnchor>
        ) : (
          "–"
        ),
    },
  ];
  return (
    <div className="stack">
      <title>{`${t("archive.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("archive.lead")} actions={<ButtonLink to="/admin/archive">{t("archive.refresh")}</ButtonLink>}>
        {t("archive.title")}
      </PageTitle>
      {started && <Notice>{t("archive.started")}</Notice>}
      <ErrorSummary error={error} />
      {canStart ? (
        <Form method="post" className="form-actions">
          <Button>{t("archive.start")}</Button>
        </Form>
      ) : (
        <p>{t("archive.readOnly")}</p>
      )}
      <DataTable
        caption={t("archive.list.caption")}
        columns={columns}
        rows={exports}
        rowKey={(e) => e.id}
        emptyText={t("archive.none")}
      />
    </div>
  );
}
