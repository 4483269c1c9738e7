import { useLocation } from "react-router";
import type { z } from "zod";
import { type contractSummarySchema, presentContractsPage } from "../../src/modules/commitments/presenters.ts";
import { day } from "../ui/commitments/format.ts";
import { useI18n } from "../ui/i18n.ts";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/commitments";

/** The contract register A–Z, a page at a time (`?cursor=`); members see their organisation's contracts. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    page: presentContractsPage(await services.contracts.listContracts(caller, { cursor, limit: 50 })),
  }));
}

type Contract = z.infer<typeof contractSummarySchema>;

export default function Commitments({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const columns: DataTableColumn<Contract>[] = [
    {
      key: "name",
      header: t("commitments.page.contract"),
      cell: (c) => <a href={`/commitments/contracts/${c.id}`}>{c.name}</a>,
    },
    { key: "number", header: t("commitments.page.number"), cell: (c) => c.number },
    { key: "type", header: t("commitments.page.type"), cell: (c) => t(`commitments.type.${c.type}`) },
    {
      key: "end",
      header: t("commitments.page.end"),
      cell: (c) => (c.openEnded ? t("commitments.page.openEnded") : day(locale, c.endDate)),
    },
    { key: "notice", header: t("commitments.page.noticeDeadline"), cell: (c) => day(locale, c.noticeDeadline) },
    { key: "status", header: t("commitments.page.status"), cell: (c) => t(`commitments.status.${c.status}`) },
  ];
  return (
    <div className="stack">
      <title>{`${t("commitments.page.register")} – ${t("app.name")}`}</title>
      <PageTitle
        lead={t("commitments.page.registerLead")}
        actions={<a href="/commitments/secondments">{t("commitments.page.secondments")}</a>}
      >
        {t("commitments.page.register")}
      </PageTitle>
      <DataTable
        caption={t("commitments.page.register")}
        captionHidden
        rowHeader
        columns={columns}
        rows={loaderData.page.items}
        rowKey={(c) => c.id}
        emptyText={t("commitments.page.noContracts")}
        nextPageHref={loaderData.page.nextCursor ? pageHref(search, loaderData.page.nextCursor) : undefined}
      />
    </div>
  );
}
