import { Form, redirect } from "react-router";
import { z } from "zod";
import { AppError, isAppError } from "../../src/core/errors.ts";
import {
  presentAlliance,
  presentAllianceCharts,
  presentAttachment,
  presentBooksSummary,
  presentCostEntriesPage,
  presentPublishedAlliance,
  presentSettlementSummary,
} from "../../src/modules/alliances/presenters.ts";
import { isMultipart, receiveForm } from "../../src/modules/files/multipart.ts";
import { formatFileSize } from "../../src/modules/files/size.ts";
import { allianceCharts } from "../ui/alliances/charts.server.ts";
import { amountText } from "../ui/alliances/format.ts";
import { AllianceOverview } from "../ui/alliances/Overview.tsx";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonAnchor } from "../ui/kit/Button.tsx";
import { Chart } from "../ui/kit/Chart.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextField } from "../ui/TextField.tsx";
import { fieldsOf, load } from "../web/actions.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/alliance";

const categories = ["reimbursable", "overhead", "subcontract", "fee", "ownerOutside"] as const;

/** The measures of a model whose key result areas share a bonus pool: their results are asked for one by one. */
const poolModel = z.object({
  kra: z.object({
    kind: z.literal("pool"),
    areas: z.array(
      z.object({
        name: z.string(),
        measures: z.array(
          z.object({ id: z.string(), name: z.string(), target: z.union([z.string(), z.number()]).transform(String) }),
        ),
      }),
    ),
  }),
});

/**
 * An alliance's page. Its parties' representatives and managers see the open books and the settlements (managers
 * also book costs and work out settlements); everyone else sees what a published alliance shows.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  try {
    const view = await services.alliances.get(caller, params.id);
    const currency = view.alliance.currency;
    const chartData = presentAllianceCharts(await services.allianceCharts.charts(caller, params.id));
    return {
      member: true as const,
      alliance: presentAlliance(view),
      books: presentBooksSummary(await services.allianceBooks.summary(caller, params.id)),
      costs: presentCostEntriesPage(
        await services.allianceBooks.listCostEntries(caller, params.id, { limit: 100 }),
        currency,
      ),
      settlements: (await services.allianceSettlements.list(caller, params.id)).map(presentSettlementSummary),
      // The receipts behind the cost entries, every one at once (not a read per entry).
      receipts: (await services.allianceAttachments.listOfAlliance(caller, params.id, "costEntries")).map(
        presentAttachment,
      ),
      uploadLimit: formatFileSize(caller.locale, services.allianceAttachments.uploadMaxBytes),
      // The newest model's pool measures, if it has a pool; else the settlement asks for the year's points.
      poolMeasures: poolMeasuresOf(
        (await services.allianceSettlements.listModels(caller, params.id)).at(-1)?.row.model,
      ),
      charts: allianceCharts(chartData, currency, caller.locale),
      kraScored: chartData.kra.kind !== "none" && chartData.kra.years.length > 0,
    };
  } catch (error) {
    if (!isAppError(error) || !["FORBIDDEN", "UNAUTHENTICATED"].includes(error.code))
      return load(() => Promise.reject(error));
    return {
      member: false as const,
      published: presentPublishedAlliance(await load(() => services.alliances.getPublished(caller, params.id))),
    };
  }
}

function poolMeasuresOf(model: unknown) {
  const pool = poolModel.safeParse(model);
  if (!pool.success) return [];
  return pool.data.kra.areas.flatMap((area) =>
    area.measures.map((m) => ({ id: m.id, name: m.name, area: area.name, target: m.target })),
  );
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  // The receipt's form carries a file, read as it streams in and stopped at the upload limit (files/multipart.ts).
  const { fields: all, file } = isMultipart(request)
    ? await receiveForm(request, {
        fileField: "file",
        maxFileBytes: services.allianceAttachments.uploadMaxBytes,
        tooLarge: () => services.allianceAttachments.tooLarge(caller.locale),
      })
    : { fields: fieldsOf(await request.formData()), file: null };
  const { intent = "", ...fields } = all;
  try {
    return await attemptForm(caller.locale, intent, () => act(intent, fields, file));
  } finally {
    await file?.dispose();
  }

  async function act(
    intent: string,
    fields: Record<string, string>,
    file: Awaited<ReturnType<typeof receiveForm>>["file"],
  ) {
    if (intent === "receipt") {
      await services.allianceAttachments.attach(caller, { costEntryId: fields.costEntryId ?? "" }, file);
      return { saved: intent };
    }
    if (intent === "cost") {
      // The service parses the form's strings (one parse, translated messages).
      await services.allianceBooks.addCostEntry(caller, params.id, fields as never);
      return { saved: intent };
    }
    if (intent === "settle") {
      // points-<year> (a per-point model) and measure-<year>-<measure id> (a pool's measures), those filled in.
      const kraResults: Record<string, { achievedPoints?: string; measures?: Record<string, string> }> = {};
      for (const [key, value] of Object.entries(fields)) {
        if (value.trim() === "") continue;
        const points = /^points-(\d{4})$/.exec(key);
        const measure = /^measure-(\d{4})-(.+)$/.exec(key);
        if (points?.[1]) kraResults[points[1]] = { ...kraResults[points[1]], achievedPoints: value };
        else if (measure?.[1] && measure[2]) {
          const year = kraResults[measure[1]] ?? {};
          kraResults[measure[1]] = { ...year, measures: { ...year.measures, [measure[2]]: value } };
        }
      }
      const view = await services.allianceSettlements.calculate(caller, params.id, { year: fields.year, kraResults });
      return redirect(`/alliances/settlements/${view.row.id}`);
    }
    throw new AppError("MALFORMED_BODY");
  }
}

export default function Alliance({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, locale } = useI18n();
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const errorFor = (intent: string) => (failed === intent ? error : undefined);
  if (!loaderData.member) {
    const a = loaderData.published;
    return (
      <div className="stack">
        <title>{`${a.name} – ${t("app.name")}`}</title>
        <PageTitle lead={t(`alliances.kind.${a.kind}`)}>{a.name}</PageTitle>
        <p>{a.description}</p>
        <AllianceOverview alliance={a} />
        <DataTable
          caption={t("alliances.public.results")}
          rowHeader
          columns={[
            { key: "year", header: t("alliances.books.year"), cell: (r) => String(r.year) },
            {
              key: "target",
              header: t("alliances.figure.target"),
              align: "end",
              cell: (r) => amountText(locale, r.target),
            },
            {
              key: "actual",
              header: t("alliances.figure.actual"),
              align: "end",
              cell: (r) => amountText(locale, r.actual),
            },
            {
              key: "difference",
              header: t("alliances.figure.difference"),
              align: "end",
              cell: (r) => amountText(locale, r.difference),
            },
            {
              key: "incentive",
              header: t("alliances.figure.incentive"),
              align: "end",
              cell: (r) => amountText(locale, r.incentive),
            },
          ]}
          rows={a.results}
          rowKey={(r) => String(r.year)}
          emptyText={t("alliances.public.none")}
        />
      </div>
    );
  }
  const { alliance, books, costs, settlements, charts, kraScored, receipts, uploadLimit, poolMeasures } = loaderData;
  const partyName = (id: string | null) =>
    id === null ? t("alliances.books.whole") : (alliance.parties.find((p) => p.id === id)?.name ?? id);
  const years = [...new Set(books.rows.map((r) => r.year))];
  const firstYear = Number(alliance.startDate.slice(0, 4));
  const lastYear = Number(alliance.endDate.slice(0, 4));
  const allYears = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => String(firstYear + i));
  const saved = actionData && "saved" in actionData;
  return (
    <div className="stack">
      <title>{`${alliance.name} – ${t("app.name")}`}</title>
      <PageTitle lead={t(`alliances.kind.${alliance.kind}`)}>{alliance.name}</PageTitle>
      {saved && <Notice>{t("alliances.saved")}</Notice>}
      <p>{alliance.description}</p>
      <AllianceOverview alliance={alliance} />
      <ul>
        <li>
          <a href={`/alliances/${alliance.id}/invoices`}>{t("alliances.page.invoicesLink")}</a>
        </li>
        <li>
          <a href={`/alliances/${alliance.id}/model`}>{t("alliances.page.modelLink")}</a>
        </li>
      </ul>

      <DataTable
        caption={t("alliances.page.books")}
        rowHeader
        columns={[
          { key: "year", header: t("alliances.books.year"), cell: (r) => String(r.year) },
          { key: "party", header: t("alliances.books.party"), cell: (r) => partyName(r.partyId) },
          {
            key: "budget",
            header: t("alliances.books.budget"),
            align: "end",
            cell: (r) => amountText(locale, r.budget),
          },
          {
            key: "actual",
            header: t("alliances.books.actual"),
            align: "end",
            cell: (r) => amountText(locale, r.actual),
          },
          {
            key: "toward",
            header: t("alliances.books.towardTarget"),
            align: "end",
            cell: (r) => amountText(locale, r.towardTarget),
          },
        ]}
        rows={books.rows}
        rowKey={(r) => `${r.year}-${r.partyId}`}
        emptyText={t("alliances.books.none")}
      />

      <p>
        <ButtonAnchor href={`/alliances/${alliance.id}/books.xlsx`} download>
          {t("alliances.export.downloadBooks")}
        </ButtonAnchor>
      </p>

      <section aria-labelledby="charts" className="stack">
        <Heading level={2} id="charts">
          {t("alliances.page.charts")}
        </Heading>
        {charts.map((chart) => (
          <Chart key={chart.title} headingLevel={3} {...chart} />
        ))}
        {!kraScored && <p>{t("alliances.chart.kra.none")}</p>}
      </section>

      <DataTable
        caption={t("alliances.page.costs")}
        rowHeader
        columns={[
          { key: "date", header: t("alliances.cost.date"), cell: (e) => date(e.bookedOn) },
          { key: "party", header: t("alliances.books.party"), cell: (e) => partyName(e.partyId) },
          { key: "category", header: t("alliances.cost.category"), cell: (e) => t(`alliances.category.${e.category}`) },
          {
            key: "counts",
            header: t("alliances.cost.counts"),
            cell: (e) => t(e.countsTowardTarget ? "alliances.cost.yes" : "alliances.cost.no"),
          },
          {
            key: "amount",
            header: t("alliances.cost.amount"),
            align: "end",
            cell: (e) => amountText(locale, e.amount),
          },
          { key: "reference", header: t("alliances.cost.reference"), cell: (e) => e.auditReference },
          { key: "description", header: t("alliances.cost.description"), cell: (e) => e.description },
          {
            key: "receipts",
            header: t("alliances.receipts.column"),
            cell: (e) => {
              const files = receipts.filter((r) => r.costEntryId === e.id);
              return files.length === 0
                ? "–"
                : files.map((r, i) => (
                    <span key={r.id}>
                      {i > 0 && ", "}
                      <a href={r.downloadUrl} download>
                        {r.name}
                      </a>
                    </span>
                  ));
            },
          },
        ]}
        rows={costs.items}
        rowKey={(e) => e.id}
        emptyText={t("alliances.books.none")}
      />

      {alliance.canEditBooks && (
        <FieldIdScope prefix="cost">
          <section aria-labelledby="add-cost" className="narrow stack">
            <Heading level={2} id="add-cost">
              {t("alliances.cost.add")}
            </Heading>
            <ErrorSummary error={errorFor("cost")} />
            <Form method="post" className="stack" aria-labelledby="add-cost" key={costs.items.length}>
              <input type="hidden" name="intent" value="cost" />
              <Select
                name="partyId"
                label={t("alliances.books.party")}
                options={alliance.parties.map((p) => ({ value: p.id, label: p.name }))}
                error={errorFor("cost")}
              />
              <TextField name="bookedOn" label={t("alliances.cost.date")} hint="2025-12-31" error={errorFor("cost")} />
              <Select
                name="category"
                label={t("alliances.cost.category")}
                options={categories.map((c) => ({ value: c, label: t(`alliances.category.${c}`) }))}
                error={errorFor("cost")}
              />
              <TextField
                name="amount"
                label={t("alliances.cost.amount")}
                hint={t("alliances.cost.amountHint")}
                error={errorFor("cost")}
              />
              <TextField name="auditReference" label={t("alliances.cost.reference")} error={errorFor("cost")} />
              <TextField name="description" label={t("alliances.cost.description")} optional error={errorFor("cost")} />
              <div className="form-actions">
                <Button>{t("alliances.cost.add")}</Button>
              </div>
            </Form>
          </section>
        </FieldIdScope>
      )}

      {alliance.canEditBooks && costs.items.length > 0 && (
        <FieldIdScope prefix="receipt">
          <section aria-labelledby="attach-receipt" className="narrow stack">
            <Heading level={2} id="attach-receipt">
              {t("alliances.receipts.attach")}
            </Heading>
            <p>{t("alliances.receipts.intro")}</p>
            <ErrorSummary error={errorFor("receipt")} />
            <Form
              method="post"
              encType="multipart/form-data"
              className="stack"
              aria-labelledby="attach-receipt"
              key={`receipt-${receipts.length}`}
            >
              <input type="hidden" name="intent" value="receipt" />
              <Select
                name="costEntryId"
                label={t("alliances.receipts.entry")}
                options={costs.items.map((e) => ({
                  value: e.id,
                  label: `${date(e.bookedOn)} · ${e.auditReference} · ${amountText(locale, e.amount)}`,
                }))}
                error={errorFor("receipt")}
              />
              <Field
                name="file"
                label={t("alliances.receipts.file")}
                hint={t("alliances.receipts.fileHint", { limit: uploadLimit })}
                error={errorFor("receipt")}
              >
                <input type="file" accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp" />
              </Field>
              <div className="form-actions">
                <Button variant="secondary">{t("alliances.receipts.button")}</Button>
              </div>
            </Form>
          </section>
        </FieldIdScope>
      )}

      <DataTable
        caption={t("alliances.page.settlements")}
        rowHeader
        columns={[
          {
            key: "open",
            header: t("alliances.settlement.year"),
            cell: (s) => (
              <a href={`/alliances/settlements/${s.id}`}>
                {t("alliances.settlement.open", { year: s.year, version: s.version })}
              </a>
            ),
          },
          {
            key: "kind",
            header: t("alliances.settlement.kind"),
            cell: (s) => t(s.final ? "alliances.settlement.final" : "alliances.settlement.interim"),
          },
          {
            key: "status",
            header: t("alliances.settlement.status"),
            cell: (s) => t(`alliances.settlement.${s.status}`),
          },
        ]}
        rows={settlements}
        rowKey={(s) => s.id}
        emptyText={t("alliances.settlement.none")}
      />

      {alliance.canEditModel && (
        <FieldIdScope prefix="settle">
          <section aria-labelledby="settle" className="narrow stack">
            <Heading level={2} id="settle">
              {t("alliances.settlement.calculate")}
            </Heading>
            <ErrorSummary error={errorFor("settle")} />
            <Form method="post" className="stack" aria-labelledby="settle">
              <input type="hidden" name="intent" value="settle" />
              <Select
                name="year"
                label={t("alliances.settlement.year")}
                options={(years.length ? years.map(String) : allYears).map((y) => ({ value: y, label: y }))}
                error={errorFor("settle")}
              />
              {poolMeasures.length === 0
                ? allYears.map((y) => (
                    <TextField
                      key={y}
                      name={`points-${y}`}
                      label={t("alliances.settlement.points", { year: y })}
                      optional
                      error={errorFor("settle")}
                    />
                  ))
                : allYears.flatMap((y) =>
                    poolMeasures.map((m) => (
                      <TextField
                        key={`${y}-${m.id}`}
                        name={`measure-${y}-${m.id}`}
                        label={t("alliances.settlement.measure", { area: m.area, measure: m.name, year: y })}
                        hint={t("alliances.settlement.measureTarget", { target: m.target })}
                        optional
                        error={errorFor("settle")}
                      />
                    )),
                  )}
              <div className="form-actions">
                <Button>{t("alliances.settlement.calculate")}</Button>
              </div>
            </Form>
          </section>
        </FieldIdScope>
      )}
    </div>
  );
}
