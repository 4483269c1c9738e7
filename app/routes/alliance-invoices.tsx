import { Form } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { translate } from "../../src/i18n/translate.ts";
import {
  presentAlliance,
  presentInvoice,
  presentOutstanding,
  presentSettlementSummary,
} from "../../src/modules/alliances/presenters.ts";
import { amountText, shareText } from "../ui/alliances/format.ts";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextField } from "../ui/TextField.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeepingForm } from "../web/alliance-forms.server.ts";
import type { Route } from "./+types/alliance-invoices";

/**
 * An alliance's invoices and payments: every provider's invoices by period, what has been paid and what is still
 * outstanding, by provider and by each owner's share. Its managers make a month's invoice from the books, the
 * incentive invoices from an approved settlement, and record a payment (plain forms, filled in again if refused).
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const alliance = presentAlliance(await load(() => services.alliances.get(caller, params.id)));
  const overview = await load(() => services.allianceInvoices.overview(caller, params.id));
  const approved = alliance.canManage
    ? (await load(() => services.allianceSettlements.list(caller, params.id)))
        .filter((s) => s.status === "approved")
        .map(presentSettlementSummary)
    : [];
  return {
    alliance,
    invoices: overview.invoices.map(presentInvoice),
    outstanding: presentOutstanding(overview.outstanding),
    approved,
  };
}

const intents = ["invoice", "incentive", "payment"] as const;

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = intents.find((i) => i === text("intent"));
  if (!intent) throw new AppError("MALFORMED_BODY");
  return attemptKeepingForm(caller.locale, intent, form, async () => {
    if (intent === "invoice")
      await services.allianceInvoices.createMonthly(caller, params.id, {
        partyId: text("partyId"),
        month: text("month").trim(),
      });
    else if (intent === "incentive")
      await services.allianceInvoices.createIncentive(caller, params.id, { settlementId: text("settlementId") });
    else {
      const invoiceId = text("invoiceId");
      // Only this alliance's unpaid invoices are offered; anything else is refused naming the field.
      const open = (await services.allianceInvoices.overview(caller, params.id)).invoices.find(
        (v) => v.row.id === invoiceId && v.row.status === "unpaid",
      );
      if (!open)
        throw new AppError("VALIDATION_FAILED", [
          { path: "invoiceId", message: translate(caller.locale, "alliances.invoices.choose") },
        ]);
      await services.allianceInvoices.setPayment(caller, invoiceId, { status: "paid", paidOn: text("paidOn").trim() });
    }
    return { saved: intent };
  });
}

export default function AllianceInvoices({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, locale } = useI18n();
  const { alliance, invoices, outstanding, approved } = loaderData;
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const errorFor = (intent: string) => (failed === intent ? error : undefined);
  const submitted =
    actionData && "submitted" in actionData ? (actionData.submitted as Record<string, string[]>) : undefined;
  const typed = (intent: string, name: string) => (failed === intent ? (submitted?.[name]?.[0] ?? "") : undefined);
  const saved = actionData && "saved" in actionData;
  const partyName = (id: string) => alliance.parties.find((p) => p.id === id)?.name ?? id;
  const providers = alliance.parties.filter((p) => p.side === "provider");
  const owners = alliance.parties.filter((p) => p.side === "owner");
  const unpaid = invoices.filter((i) => i.status === "unpaid");
  const invoiceLabel = (i: (typeof invoices)[number]) =>
    `${i.period} · ${partyName(i.partyId)} · ${t(`alliances.invoices.kind.${i.kind}`)} · ${amountText(locale, i.amount)}`;
  const title = t("alliances.invoices.title");
  return (
    <div className="stack">
      <title>{`${title} – ${alliance.name} – ${t("app.name")}`}</title>
      <p>
        <a href={`/alliances/${alliance.id}`}>← {t("alliances.settlement.back")}</a>
      </p>
      <PageTitle lead={alliance.name}>{title}</PageTitle>
      {saved && <Notice>{t("alliances.saved")}</Notice>}

      <p className="lead" aria-live="polite">
        {t("alliances.invoices.outstandingTotal", { amount: amountText(locale, outstanding.total) })}
      </p>
      <DataTable
        caption={t("alliances.invoices.byProvider")}
        rowHeader
        columns={[
          { key: "party", header: t("alliances.books.party"), cell: (r) => partyName(r.partyId) },
          {
            key: "invoiced",
            header: t("alliances.invoices.invoiced"),
            align: "end",
            cell: (r) => amountText(locale, r.invoiced),
          },
          { key: "paid", header: t("alliances.invoices.paid"), align: "end", cell: (r) => amountText(locale, r.paid) },
          {
            key: "outstanding",
            header: t("alliances.invoices.outstanding"),
            align: "end",
            cell: (r) => amountText(locale, r.outstanding),
          },
        ]}
        rows={outstanding.providers}
        rowKey={(r) => r.partyId}
        emptyText={t("alliances.invoices.none")}
      />
      <DataTable
        caption={t("alliances.invoices.byOwner")}
        rowHeader
        columns={[
          { key: "party", header: t("alliances.books.party"), cell: (r) => partyName(r.partyId) },
          {
            key: "share",
            header: t("alliances.invoices.share"),
            align: "end",
            cell: (r) => shareText(locale, owners.find((o) => o.id === r.partyId)?.shareBasisPoints ?? 0),
          },
          {
            key: "outstanding",
            header: t("alliances.invoices.outstanding"),
            align: "end",
            cell: (r) => amountText(locale, r.outstanding),
          },
        ]}
        rows={outstanding.owners}
        rowKey={(r) => r.partyId}
        emptyText={t("alliances.invoices.none")}
      />

      <DataTable
        caption={t("alliances.invoices.list")}
        rowHeader
        columns={[
          { key: "period", header: t("alliances.invoices.period"), cell: (i) => i.period },
          { key: "party", header: t("alliances.books.party"), cell: (i) => partyName(i.partyId) },
          {
            key: "kind",
            header: t("alliances.invoices.kindHeader"),
            cell: (i) => t(`alliances.invoices.kind.${i.kind}`),
          },
          { key: "cost", header: t("alliances.invoices.cost"), align: "end", cell: (i) => amountText(locale, i.cost) },
          { key: "fee", header: t("alliances.invoices.fee"), align: "end", cell: (i) => amountText(locale, i.fee) },
          {
            key: "amount",
            header: t("alliances.invoices.amount"),
            align: "end",
            cell: (i) => amountText(locale, i.amount),
          },
          {
            key: "status",
            header: t("alliances.invoices.status"),
            cell: (i) =>
              i.status === "paid" && i.paidOn
                ? t("alliances.invoices.paidOn", { date: date(i.paidOn) })
                : t("alliances.invoices.unpaid"),
          },
        ]}
        rows={invoices}
        rowKey={(i) => i.id}
        emptyText={t("alliances.invoices.none")}
      />

      {alliance.canManage && (
        <>
          <FieldIdScope prefix="invoice">
            <section aria-labelledby="make-invoice" className="narrow stack">
              <Heading level={2} id="make-invoice">
                {t("alliances.invoices.make")}
              </Heading>
              <p>{t("alliances.invoices.makeHelp")}</p>
              <ErrorSummary error={errorFor("invoice")} />
              <Form method="post" className="stack" aria-labelledby="make-invoice" key={`i${invoices.length}`}>
                <input type="hidden" name="intent" value="invoice" />
                <Select
                  name="partyId"
                  label={t("alliances.invoices.provider")}
                  options={providers.map((p) => ({ value: p.id, label: p.name }))}
                  defaultValue={typed("invoice", "partyId")}
                  error={errorFor("invoice")}
                />
                <TextField
                  name="month"
                  label={t("alliances.invoices.month")}
                  hint={t("alliances.invoices.monthHint")}
                  defaultValue={typed("invoice", "month")}
                  error={errorFor("invoice")}
                />
                <div className="form-actions">
                  <Button>{t("alliances.invoices.make")}</Button>
                </div>
              </Form>
            </section>
          </FieldIdScope>

          {approved.length > 0 && (
            <FieldIdScope prefix="incentive">
              <section aria-labelledby="make-incentive" className="narrow stack">
                <Heading level={2} id="make-incentive">
                  {t("alliances.invoices.makeIncentive")}
                </Heading>
                <ErrorSummary error={errorFor("incentive")} />
                <Form method="post" className="stack" aria-labelledby="make-incentive">
                  <input type="hidden" name="intent" value="incentive" />
                  <Select
                    name="settlementId"
                    label={t("alliances.invoices.settlement")}
                    options={approved.map((s) => ({
                      value: s.id,
                      label: t("alliances.settlement.open", { year: s.year, version: s.version }),
                    }))}
                    defaultValue={typed("incentive", "settlementId")}
                    error={errorFor("incentive")}
                  />
                  <div className="form-actions">
                    <Button>{t("alliances.invoices.makeIncentive")}</Button>
                  </div>
                </Form>
              </section>
            </FieldIdScope>
          )}

          <FieldIdScope prefix="payment">
            <section aria-labelledby="record-payment" className="narrow stack">
              <Heading level={2} id="record-payment">
                {t("alliances.invoices.recordPayment")}
              </Heading>
              <ErrorSummary error={errorFor("payment")} />
              {unpaid.length === 0 && failed !== "payment" ? (
                <p>{t("alliances.invoices.nothingUnpaid")}</p>
              ) : (
                <Form method="post" className="stack" aria-labelledby="record-payment" key={`p${unpaid.length}`}>
                  <input type="hidden" name="intent" value="payment" />
                  <Select
                    name="invoiceId"
                    label={t("alliances.invoices.invoice")}
                    options={unpaid.map((i) => ({ value: i.id, label: invoiceLabel(i) }))}
                    defaultValue={typed("payment", "invoiceId")}
                    error={errorFor("payment")}
                  />
                  <TextField
                    name="paidOn"
                    label={t("alliances.invoices.paidOnLabel")}
                    hint={t("alliances.invoices.dayHint")}
                    defaultValue={typed("payment", "paidOn")}
                    error={errorFor("payment")}
                  />
                  <div className="form-actions">
                    <Button>{t("alliances.invoices.recordPayment")}</Button>
                  </div>
                </Form>
              )}
            </section>
          </FieldIdScope>
        </>
      )}
    </div>
  );
}
