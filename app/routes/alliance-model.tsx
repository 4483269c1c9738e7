import type { ReactNode } from "react";
import { Form } from "react-router";
import { presentAlliance, presentModel } from "../../src/modules/alliances/presenters.ts";
import moneyCss from "../ui/alliances/alliance-money.css?url";
import { amountText, shareText } from "../ui/alliances/format.ts";
import { areaId, measureId, modelFormShape, modelStartValues } from "../ui/alliances/model-values.ts";
import { ErrorSummary, errorOf, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { FieldGroup } from "../ui/kit/FieldGroup.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextField } from "../ui/TextField.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeepingForm, modelFromForm } from "../web/alliance-forms.server.ts";
import type { Route } from "./+types/alliance-model";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: moneyCss }];

const yearsBetween = (start: string, end: string) => {
  const first = Number(start.slice(0, 4));
  return Array.from({ length: Number(end.slice(0, 4)) - first + 1 }, (_, i) => first + i);
};

/**
 * The alliance's incentive model: every version read-only (who saved it and when), and for its managers a plain
 * form for the next version, started from the newest one. A refused version comes back as typed, each bad field
 * named in the summary and beside the field.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const alliance = presentAlliance(await load(() => services.alliances.get(caller, params.id)));
  const models = (await load(() => services.allianceSettlements.listModels(caller, params.id))).map(presentModel);
  const latest = models.at(-1)?.model ?? null;
  const years = yearsBetween(alliance.startDate, alliance.endDate);
  return {
    alliance,
    models,
    years,
    nextVersion: (models.at(-1)?.version ?? 0) + 1,
    shape: modelFormShape(latest),
    start: alliance.canEditModel
      ? modelStartValues(caller.locale, latest, years, alliance.parties, models.at(-1)?.validFrom ?? alliance.startDate)
      : {},
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  return attemptKeepingForm(caller.locale, "model", form, async () => {
    const alliance = presentAlliance(await services.alliances.get(caller, params.id));
    const models = await services.allianceSettlements.listModels(caller, params.id);
    const last = models.at(-1);
    const shape = modelFormShape(last ? presentModel(last).model : null);
    const input = modelFromForm(form, shape, yearsBetween(alliance.startDate, alliance.endDate), alliance.parties);
    const saved = await services.allianceSettlements.createModel(caller, params.id, input);
    return { saved: saved.row.version };
  });
}

type Loaded = Route.ComponentProps["loaderData"];
type StoredModel = Loaded["models"][number];

/** One stored version, read-only: every part of the model in words and figures. */
function ModelSummary({ version, alliance }: { version: StoredModel; alliance: Loaded["alliance"] }) {
  const { t, date, locale } = useI18n();
  const m = version.model as unknown as {
    years: { year: number; baseTarget: number; index: { numerator: number; denominator: number } }[];
    adjustments: { year: number; amount: number; reason: string; approvedOn: string }[];
    gainBands: { toBasisPointsOfTarget: number | null; providersShareBasisPoints: number }[];
    painBands: { toBasisPointsOfTarget: number | null; providersShareBasisPoints: number }[];
    gainCap: { kind: "none" | "amount"; amount?: number };
    painCap: { kind: "fee" | "amount" | "none"; amount?: number };
    annualGainCap: { basisPointsOfTarget: number } | null;
    providerShares: { partyId: string; shareBasisPoints: number }[];
    ownerShares: { partyId: string; shareBasisPoints: number }[];
    kra: {
      kind: "none" | "pool" | "perPoint";
      pool?: number;
      areas?: { id: string; name: string; weightBasisPoints: number; measures: { id: string; name: string }[] }[];
      promisedPoints?: string;
      bonusBasisPointsPerPoint?: number;
      sanctionBasisPointsPerPoint?: number;
    };
  };
  const eur = (cents: number) => amountText(locale, { cents, currency: alliance.currency });
  const pct = (bp: number) => shareText(locale, bp);
  const party = (id: string) => alliance.parties.find((p) => p.id === id)?.name ?? id;
  const bands = (list: typeof m.gainBands) =>
    list
      .map((b, i) => {
        const from = pct(list[i - 1]?.toBasisPointsOfTarget ?? 0);
        const to = b.toBasisPointsOfTarget === null ? "" : pct(b.toBasisPointsOfTarget);
        return t("alliances.modelPage.bandText", { from, to, share: pct(b.providersShareBasisPoints) });
      })
      .join("; ");
  const rows: [string, ReactNode][] = [
    [t("alliances.modelPage.validFrom"), date(version.validFrom)],
    [
      t("alliances.modelPage.targets"),
      m.years
        .map(
          (y) =>
            `${y.year}: ${eur(y.baseTarget)}${
              y.index.numerator === y.index.denominator
                ? ""
                : ` × ${y.index.numerator}/${y.index.denominator} (${t("alliances.modelPage.index")})`
            }`,
        )
        .join("; "),
    ],
    [
      t("alliances.modelPage.adjustments"),
      m.adjustments.length
        ? m.adjustments.map((a) => `${a.year}: ${eur(a.amount)}, ${a.reason} (${date(a.approvedOn)})`).join("; ")
        : t("alliances.modelPage.none"),
    ],
    [t("alliances.modelPage.gainBands"), bands(m.gainBands)],
    [t("alliances.modelPage.painBands"), bands(m.painBands)],
    [
      t("alliances.modelPage.gainCap"),
      m.gainCap.kind === "amount" ? eur(m.gainCap.amount ?? 0) : t("alliances.modelPage.noCap"),
    ],
    [
      t("alliances.modelPage.painCap"),
      m.painCap.kind === "amount"
        ? eur(m.painCap.amount ?? 0)
        : t(m.painCap.kind === "fee" ? "alliances.modelPage.painCapFee" : "alliances.modelPage.noCap"),
    ],
    [
      t("alliances.modelPage.annualCap"),
      m.annualGainCap
        ? t("alliances.modelPage.annualCapText", { share: pct(m.annualGainCap.basisPointsOfTarget) })
        : t("alliances.modelPage.noCap"),
    ],
    [
      t("alliances.modelPage.providerShares"),
      m.providerShares.map((s) => `${party(s.partyId)} ${pct(s.shareBasisPoints)}`).join(", "),
    ],
    [
      t("alliances.modelPage.ownerShares"),
      m.ownerShares.map((s) => `${party(s.partyId)} ${pct(s.shareBasisPoints)}`).join(", "),
    ],
    [
      t("alliances.modelPage.kra"),
      m.kra.kind === "pool"
        ? t("alliances.modelPage.kraPoolText", {
            pool: eur(m.kra.pool ?? 0),
            areas: (m.kra.areas ?? [])
              .map((a) => `${a.name} ${pct(a.weightBasisPoints)} (${a.measures.map((x) => x.name).join(", ")})`)
              .join("; "),
          })
        : m.kra.kind === "perPoint"
          ? t("alliances.modelPage.kraPerPointText", {
              points: m.kra.promisedPoints ?? "",
              bonus: pct(m.kra.bonusBasisPointsPerPoint ?? 0),
              sanction: pct(m.kra.sanctionBasisPointsPerPoint ?? 0),
            })
          : t("alliances.modelPage.kraNone"),
    ],
  ];
  return (
    <dl>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function AllianceModel({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateTime } = useI18n();
  const { alliance, models, years, nextVersion, shape, start } = loaderData;
  const error = errorOf(actionData);
  const submitted =
    actionData && "submitted" in actionData ? (actionData.submitted as Record<string, string[]>) : undefined;
  const value = (name: string) => (submitted ? (submitted[name]?.[0] ?? "") : (start[name] ?? ""));
  const saved = actionData && "saved" in actionData ? Number(actionData.saved) : null;
  const title = t("alliances.modelPage.title");

  // Every field's label by its name, so the error summary names the field each message is about.
  const labels: Record<string, string> = {};
  const L = (name: string, label: string) => {
    labels[name] = label;
    return label;
  };
  const text = (name: string, label: string, extra: { hint?: string; optional?: boolean } = {}) => (
    <TextField
      key={name}
      name={name}
      label={L(name, label)}
      defaultValue={value(name)}
      error={error}
      hint={extra.hint}
      optional={extra.optional}
    />
  );
  const group = (name: string, legend: string, children: ReactNode, hint?: string) => (
    <FieldGroup key={name} name={name} legend={L(name, legend)} hint={hint} error={error} className="model-group">
      {children}
    </FieldGroup>
  );
  const providers = alliance.parties.filter((p) => p.side === "provider");
  const owners = alliance.parties.filter((p) => p.side === "owner");
  const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => i);
  const pctHint = t("alliances.modelPage.percentHint");
  const amountHint = t("alliances.cost.amountHint");

  const bandFields = (list: "gainBands" | "painBands") =>
    group(
      list,
      t(list === "gainBands" ? "alliances.modelPage.gainBands" : "alliances.modelPage.painBands"),
      rowsOf(shape[list]).map((i) =>
        group(`${list}.${i}`, t("alliances.modelPage.band", { n: i + 1 }), [
          text(`${list}.${i}.toBasisPointsOfTarget`, t("alliances.modelPage.bandLimit", { n: i + 1 }), {
            hint: t("alliances.modelPage.bandLimitHint"),
            optional: true,
          }),
          text(`${list}.${i}.providersShareBasisPoints`, t("alliances.modelPage.bandShare", { n: i + 1 }), {
            hint: pctHint,
            optional: true,
          }),
        ]),
      ),
      t(list === "gainBands" ? "alliances.modelPage.gainBandsHint" : "alliances.modelPage.painBandsHint"),
    );

  const shareFields = (list: "providerShares" | "ownerShares", parties: typeof providers) =>
    group(
      list,
      t(list === "providerShares" ? "alliances.modelPage.providerShares" : "alliances.modelPage.ownerShares"),
      parties.map((p, i) => text(`${list}.${i}.shareBasisPoints`, `${p.name}, %`, { hint: pctHint })),
    );

  const form = (
    <>
      <Field name="version" label={L("version", t("alliances.modelPage.version"))} error={error}>
        <input className="text-input" readOnly defaultValue={String(nextVersion)} />
      </Field>
      {text("validFrom", t("alliances.modelPage.validFrom"), { hint: t("alliances.invoices.dayHint") })}
      {group(
        "years",
        t("alliances.modelPage.targets"),
        years.map((year, i) =>
          group(`years.${i}`, String(year), [
            <input key="year" type="hidden" name={`years.${i}.year`} value={year} />,
            text(`years.${i}.baseTarget`, t("alliances.modelPage.baseTarget", { year }), { hint: amountHint }),
            text(`years.${i}.index.numerator`, t("alliances.modelPage.indexNow", { year }), {
              hint: t("alliances.modelPage.indexHint"),
              optional: true,
            }),
            text(`years.${i}.index.denominator`, t("alliances.modelPage.indexBase", { year }), { optional: true }),
          ]),
        ),
      )}
      {group(
        "adjustments",
        t("alliances.modelPage.adjustments"),
        rowsOf(shape.adjustments).map((i) =>
          group(`adjustments.${i}`, t("alliances.modelPage.adjustment", { n: i + 1 }), [
            <Select
              key="year"
              name={`adjustments.${i}.year`}
              label={L(`adjustments.${i}.year`, t("alliances.modelPage.adjustmentYear", { n: i + 1 }))}
              options={[{ value: "", label: "–" }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
              defaultValue={value(`adjustments.${i}.year`)}
              error={error}
              optional
            />,
            text(`adjustments.${i}.amount`, t("alliances.modelPage.adjustmentAmount", { n: i + 1 }), {
              hint: t("alliances.modelPage.adjustmentAmountHint"),
              optional: true,
            }),
            text(`adjustments.${i}.reason`, t("alliances.modelPage.adjustmentReason", { n: i + 1 }), {
              optional: true,
            }),
            text(`adjustments.${i}.approvedOn`, t("alliances.modelPage.adjustmentApprovedOn", { n: i + 1 }), {
              hint: t("alliances.invoices.dayHint"),
              optional: true,
            }),
          ]),
        ),
        t("alliances.modelPage.adjustmentsHint"),
      )}
      {bandFields("gainBands")}
      {bandFields("painBands")}
      {group("caps", t("alliances.modelPage.caps"), [
        <Select
          key="gk"
          name="gainCap.kind"
          label={L("gainCap.kind", t("alliances.modelPage.gainCap"))}
          options={[
            { value: "none", label: t("alliances.modelPage.noCap") },
            { value: "amount", label: t("alliances.modelPage.capAmount") },
          ]}
          defaultValue={value("gainCap.kind")}
          error={error}
        />,
        text("gainCap.amount", t("alliances.modelPage.gainCapAmount"), { hint: amountHint, optional: true }),
        <Select
          key="pk"
          name="painCap.kind"
          label={L("painCap.kind", t("alliances.modelPage.painCap"))}
          options={[
            { value: "fee", label: t("alliances.modelPage.painCapFee") },
            { value: "amount", label: t("alliances.modelPage.capAmount") },
            { value: "none", label: t("alliances.modelPage.noCap") },
          ]}
          defaultValue={value("painCap.kind")}
          error={error}
        />,
        text("painCap.amount", t("alliances.modelPage.painCapAmount"), { hint: amountHint, optional: true }),
        text("annualGainCap.basisPointsOfTarget", t("alliances.modelPage.annualCap"), {
          hint: t("alliances.modelPage.annualCapHint"),
          optional: true,
        }),
      ])}
      {shareFields("providerShares", providers)}
      {shareFields("ownerShares", owners)}
      {group(
        "kra",
        t("alliances.modelPage.kra"),
        [
          <Select
            key="kind"
            name="kra.kind"
            label={L("kra.kind", t("alliances.modelPage.kraKind"))}
            options={[
              { value: "none", label: t("alliances.modelPage.kraNone") },
              { value: "pool", label: t("alliances.modelPage.kraPool") },
              { value: "perPoint", label: t("alliances.modelPage.kraPerPoint") },
            ]}
            defaultValue={value("kra.kind")}
            error={error}
          />,
          group("kra.perPoint", t("alliances.modelPage.kraPerPoint"), [
            text("kra.promisedPoints", t("alliances.modelPage.promisedPoints"), { optional: true }),
            text("kra.bonusBasisPointsPerPoint", t("alliances.modelPage.bonusPerPoint"), {
              hint: t("alliances.modelPage.perPointHint"),
              optional: true,
            }),
            text("kra.sanctionBasisPointsPerPoint", t("alliances.modelPage.sanctionPerPoint"), {
              hint: t("alliances.modelPage.perPointHint"),
              optional: true,
            }),
          ]),
          group("kra.areas", t("alliances.modelPage.kraPool"), [
            text("kra.pool", t("alliances.modelPage.pool"), { hint: amountHint, optional: true }),
            ...rowsOf(shape.areas).map((a) =>
              group(`kra.areas.${a}`, t("alliances.modelPage.area", { n: a + 1 }), [
                <input
                  key="id"
                  type="hidden"
                  name={`kra.areas.${a}.id`}
                  value={value(`kra.areas.${a}.id`) || areaId(a)}
                />,
                text(`kra.areas.${a}.name`, t("alliances.modelPage.areaName", { n: a + 1 }), { optional: true }),
                text(`kra.areas.${a}.weightBasisPoints`, t("alliances.modelPage.areaWeight", { n: a + 1 }), {
                  hint: pctHint,
                  optional: true,
                }),
                group(
                  `kra.areas.${a}.measures`,
                  t("alliances.modelPage.measures", { n: a + 1 }),
                  rowsOf(shape.measures).map((i) => {
                    const p = `kra.areas.${a}.measures.${i}`;
                    const n = { area: a + 1, n: i + 1 };
                    return group(p, t("alliances.modelPage.measure", n), [
                      <input key="id" type="hidden" name={`${p}.id`} value={value(`${p}.id`) || measureId(a, i)} />,
                      text(`${p}.name`, t("alliances.modelPage.measureName", n), { optional: true }),
                      text(`${p}.weightBasisPoints`, t("alliances.modelPage.measureWeight", n), {
                        hint: pctHint,
                        optional: true,
                      }),
                      text(`${p}.baseline`, t("alliances.modelPage.baseline", n), { optional: true }),
                      text(`${p}.target`, t("alliances.modelPage.levelTarget", n), { optional: true }),
                      text(`${p}.poor`, t("alliances.modelPage.poor", n), { optional: true }),
                      text(`${p}.outstanding`, t("alliances.modelPage.outstanding", n), { optional: true }),
                    ]);
                  }),
                ),
              ]),
            ),
          ]),
        ],
        t("alliances.modelPage.kraHint"),
      )}
    </>
  );

  return (
    <div className="stack">
      <title>{`${title} – ${alliance.name} – ${t("app.name")}`}</title>
      <p>
        <a href={`/alliances/${alliance.id}`}>← {t("alliances.settlement.back")}</a>
      </p>
      <PageTitle lead={alliance.name}>{title}</PageTitle>
      {saved !== null && <Notice>{t("alliances.modelPage.saved", { version: saved })}</Notice>}

      <DataTable
        caption={t("alliances.modelPage.versions")}
        rowHeader
        columns={[
          {
            key: "version",
            header: t("alliances.modelPage.version"),
            cell: (v) => <a href={`#version-${v.version}`}>{t("alliances.modelPage.versionN", { n: v.version })}</a>,
          },
          { key: "validFrom", header: t("alliances.modelPage.validFrom"), cell: (v) => date(v.validFrom) },
          { key: "by", header: t("alliances.modelPage.savedBy"), cell: (v) => v.createdByName ?? "–" },
          {
            key: "at",
            header: t("alliances.modelPage.savedAt"),
            cell: (v) => dateTime(v.createdAt),
          },
        ]}
        rows={[...models].reverse()}
        rowKey={(v) => v.id}
        emptyText={t("alliances.modelPage.noVersions")}
      />
      {[...models].reverse().map((v) => (
        <section
          key={v.id}
          id={`version-${v.version}`}
          aria-labelledby={`version-${v.version}-title`}
          className="model-version stack"
        >
          <Heading level={2} id={`version-${v.version}-title`}>
            {t("alliances.modelPage.versionN", { n: v.version })}
          </Heading>
          <ModelSummary version={v} alliance={alliance} />
        </section>
      ))}

      {alliance.canEditModel && (
        <FieldIdScope prefix="model">
          <section aria-labelledby="new-version" className="narrow stack">
            <Heading level={2} id="new-version">
              {t("alliances.modelPage.newVersion", { n: nextVersion })}
            </Heading>
            <p>{t("alliances.modelPage.newVersionHelp")}</p>
            <ErrorSummary error={error} labels={labels} />
            <Form method="post" className="stack" aria-labelledby="new-version" key={`v${nextVersion}`}>
              {form}
              <div className="form-actions">
                <Button>{t("alliances.modelPage.save")}</Button>
              </div>
            </Form>
          </section>
        </FieldIdScope>
      )}
    </div>
  );
}
