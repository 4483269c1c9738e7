import { data } from "react-router";
import { AppError, type FieldIssue, isAppError } from "../../src/core/errors.ts";
import { parseMoney } from "../../src/core/money.ts";
import { allows } from "../../src/core/policy.ts";
import type { WebContext } from "../../src/http/context.ts";
import { errorBody, toAppError } from "../../src/http/respond-error.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { translate } from "../../src/i18n/translate.ts";
import { type CutOffKind, cutOffKinds } from "../../src/modules/commitments/constants.ts";
import { canManageContracts, commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import { presentContractsPage, presentFoldersPage } from "../../src/modules/commitments/presenters.ts";
import { presentOrganisation, presentPersonChoice } from "../../src/modules/people/presenters.ts";

/**
 * The commitments forms send text; the services take cents and lists. This turns a form's typed amounts
 * ("12 500,00 €") into whole cents and its numbered rows ("parties.0.name") into lists. An amount that is not
 * one is named by its field before any service is called, so nothing is written; every other rule is the
 * service's (its one parse, its messages).
 */
export class FormReader {
  readonly issues: FieldIssue[] = [];
  constructor(
    readonly form: FormData,
    readonly locale: Locale,
  ) {}

  text(name: string): string {
    const value = this.form.get(name);
    return typeof value === "string" ? value : "";
  }

  /** Every value of a field sent more than once (checkboxes of one name). */
  all(name: string): string[] {
    return this.form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
  }

  /** A ticked checkbox sends "true"; an unticked one sends nothing. */
  flag(name: string): boolean {
    return this.form.getAll(name).includes("true");
  }

  /** An amount typed in any of our languages' forms as whole cents; empty is null. */
  cents(name: string): number | null {
    const typed = this.text(name).trim();
    if (typed === "") return null;
    const parsed = parseMoney(typed);
    if (!parsed.ok) {
      this.issues.push({ path: name, message: translate(this.locale, parsed.error) });
      return null;
    }
    return Number(parsed.value.cents);
  }

  /** A required amount: empty is refused like any amount that is not one. */
  requiredCents(name: string): number {
    if (this.text(name).trim() === "") {
      this.issues.push({ path: name, message: translate(this.locale, "money.invalid") });
      return 0;
    }
    return this.cents(name) ?? 0;
  }

  /**
   * Rows 0, 1, 2… of fields `<list>.<i>.<field>`; a row whose `filled` fields are all empty (a select or a
   * checkbox always sends something) is left out.
   */
  rows<F extends string>(
    list: string,
    fields: readonly F[],
    filled: readonly F[] = fields,
    max = 50,
  ): { index: number; row: Record<F, string> }[] {
    const found: { index: number; row: Record<F, string> }[] = [];
    for (let index = 0; index < max; index++) {
      const row = Object.fromEntries(fields.map((f) => [f, this.text(`${list}.${index}.${f}`).trim()])) as Record<
        F,
        string
      >;
      if (filled.some((f) => row[f] !== "")) found.push({ index, row });
    }
    return found;
  }

  /** Throws the amounts' refusals, if any, as the form's validation error. */
  check(): void {
    if (this.issues.length > 0) throw new AppError("VALIDATION_FAILED", this.issues);
  }
}

/** The contract form's fields as the contract service's input (a new contract's parties too). */
export function contractFromForm(reader: FormReader, withParties: boolean) {
  const amount = reader.text("notice.amount").trim();
  const value = reader.cents("value");
  return {
    folderId: reader.text("folderId"),
    type: reader.text("type"),
    number: reader.text("number"),
    diaryNumber: reader.text("diaryNumber"),
    name: reader.text("name"),
    status: reader.text("status"),
    startDate: reader.text("startDate"),
    endDate: reader.text("endDate"),
    openEnded: reader.flag("openEnded"),
    notice: amount === "" ? null : { amount, unit: reader.text("notice.unit") },
    autoRenewal: reader.flag("autoRenewal"),
    value: value === null ? null : { cents: value, currency: "EUR" },
    confidentiality: reader.text("confidentiality"),
    confidentialityGround: reader.text("confidentialityGround"),
    responsibleId: reader.text("responsibleId"),
    deputyIds: reader.all("deputyIds"),
    masterId: reader.text("masterId"),
    optionPeriods: reader
      .rows("optionPeriods", ["start", "end", "exercised"], ["start", "end"], 21)
      .map(({ row }) => ({ start: row.start, end: row.end, exercised: row.exercised === "true" })),
    ...(withParties
      ? {
          parties: reader
            .rows("parties", ["name", "businessId", "role"], ["name", "businessId"])
            .map(({ row }) => ({ name: row.name, businessId: row.businessId, role: row.role })),
        }
      : {}),
  };
}

/** The choices the contract form offers: folders, people (responsible, deputies) and contracts (a master). */
export async function contractFormChoices({ services, caller }: WebContext, exceptId?: string) {
  if (!canManageContracts(caller.actor)) throw new AppError("FORBIDDEN");
  const folders = presentFoldersPage(await services.contracts.listFolders(caller, { limit: 200 })).items;
  const contracts = presentContractsPage(await services.contracts.listContracts(caller, { limit: 200 })).items;
  return {
    folders: folders.map((f) => ({ value: f.id, label: f.name })),
    people: (await services.people.listPeople(caller)).map(presentPersonChoice).map((p) => ({
      value: p.id,
      label: [p.name, p.organisationName].filter(Boolean).join(", "),
    })),
    contracts: contracts.filter((c) => c.id !== exceptId).map((c) => ({ value: c.id, label: `${c.number} ${c.name}` })),
  };
}

/** What a refused form sent, by field name (a checkbox group's every value), to fill the form in again. */
export type SubmittedValues = Record<string, string[]>;

export function submittedValues(form: FormData): SubmittedValues {
  const values: SubmittedValues = {};
  for (const [key, value] of form) {
    if (typeof value !== "string") continue;
    values[key] = [...(values[key] ?? []), value];
  }
  return values;
}

/**
 * `attempt` for the long commitments forms: a refusal also gives back what was sent, so that without JavaScript
 * (the page is rendered again from the server) the form is filled in as it was, not emptied.
 */
export async function attemptKeeping<T>(locale: Locale, form: FormData, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    const known = isAppError(error) ? error : toAppError(error);
    if (known.code !== "INTERNAL") {
      return data({ error: errorBody(known, locale), submitted: submittedValues(form) }, { status: known.status });
    }
    throw error;
  }
}

/** The secondment form's fields as the secondment service's input (the same for a new one and a change). */
export function secondmentFromForm(r: FormReader) {
  return {
    personName: r.text("personName"),
    personId: r.text("personId"),
    title: r.text("title"),
    homeOrganisationName: r.text("homeOrganisationName"),
    homeOrganisationId: r.text("homeOrganisationId"),
    legalForm: r.text("legalForm"),
    sharePercent: r.text("sharePercent"),
    fte: r.text("fte"),
    startDate: r.text("startDate"),
    agreedEndDate: r.text("agreedEndDate"),
    plannedReturnDate: r.text("plannedReturnDate"),
    salaryCents: r.requiredCents("salaryCents"),
    sideCostsCents: r.requiredCents("sideCostsCents"),
    fundingSource: r.text("fundingSource"),
    grantEligible: r.flag("grantEligible"),
    contractId: r.text("contractId"),
    note: r.text("note"),
    substitutes: r.rows("substitutes", ["name", "post"], ["name", "post"], 10).map(({ row }) => row),
  };
}

/** The choices the secondment form offers: people, organisations and the agreements a secondment rests on. */
export async function secondmentFormChoices({ services, caller }: WebContext) {
  if (!allows(commitmentsPolicy.manageSecondments, caller.actor)) throw new AppError("FORBIDDEN");
  const agreements = presentContractsPage(await services.contracts.listContracts(caller, { limit: 200 })).items;
  return {
    people: (await services.people.listPeople(caller))
      .map(presentPersonChoice)
      .map((p) => ({ value: p.id, label: p.name })),
    organisations: (await services.people.listOrganisations(caller))
      .map(presentOrganisation)
      .map((o) => ({ value: o.id, label: o.name })),
    agreements: agreements
      .filter((c) => c.type === "secondment_agreement" || c.type === "cooperation_agreement")
      .map((c) => ({ value: c.id, label: `${c.number} ${c.name}` })),
  };
}

/**
 * The grant form's fields as the grant service's input. The cut-off dates are one field per kind; an empty one
 * is no cut-off. `labels` keeps a stored cut-off's label (the form does not show it) when it is changed.
 */
export function grantFromForm(r: FormReader, labels: Partial<Record<CutOffKind, string>> = {}) {
  return {
    name: r.text("name"),
    decisionNumber: r.text("decisionNumber"),
    fundingSource: r.text("fundingSource"),
    amountCents: r.requiredCents("amountCents"),
    paidCents: r.cents("paidCents"),
    ownSharePercent: r.text("ownSharePercent"),
    eligibleFrom: r.text("eligibleFrom"),
    eligibleTo: r.text("eligibleTo"),
    cutOffs: cutOffKinds
      .map((kind, index) => ({ kind, date: r.text(`cutOffs.${index}.date`).trim(), label: labels[kind] ?? "" }))
      .filter((c) => c.date !== ""),
  };
}

/** A cost entry's fields: what it is, when, how much, and the facts its eligibility is decided from. */
export function costFromForm(r: FormReader) {
  return {
    category: r.text("category"),
    description: r.text("description"),
    costDate: r.text("costDate"),
    commitmentDate: r.text("commitmentDate"),
    amountCents: r.requiredCents("amountCents"),
    essentialForEnding: r.flag("essentialForEnding"),
    forOtherPublicBody: r.flag("forOtherPublicBody"),
  };
}

/** A ramp-down decision's own fields (what it is about is chosen when it is made, and stays). */
export function decisionFromForm(r: FormReader) {
  return {
    decision: r.text("decision"),
    transferTo: r.text("transferTo"),
    decidedOn: r.text("decidedOn"),
    decidedBy: r.text("decidedBy"),
    exitCostCents: r.cents("exitCostCents") ?? 0,
    earliestExitDate: r.text("earliestExitDate"),
    note: r.text("note"),
  };
}
