import { z } from "@hono/zod-openapi";
import { type Page, pageSchema } from "../../core/pagination.ts";
import { fundingSources, secondmentLegalForms } from "./constants.ts";
import { hundredthsText } from "./plan-common.ts";
import type { MonthlyReturns, SecondmentTotals, Totals } from "./secondment-totals.ts";
import type { SecondmentView } from "./secondments.ts";

const day = z.string().openapi({ description: "A calendar day, YYYY-MM-DD", example: "2019-06-30" });
const fte = z.string().openapi({ description: "Full-time equivalents, exact, two decimals", example: "0.80" });
const cents = z.number().int().openapi({ description: "Whole cents (EUR)" });

export const substituteSchema = z.object({ position: z.number().int(), name: z.string(), post: z.string() });

export const secondmentSchema = z
  .object({
    id: z.uuid(),
    personName: z.string(),
    personId: z.string().nullable(),
    title: z.string(),
    homeOrganisationName: z.string(),
    homeOrganisationId: z.uuid().nullable(),
    legalForm: z.enum(secondmentLegalForms),
    sharePercent: z.number().int(),
    fte,
    fteHundredths: z.number().int(),
    startDate: day,
    agreedEndDate: day,
    plannedReturnDate: day.nullable(),
    salaryCents: cents,
    sideCostsCents: cents,
    monthlyCostCents: cents.openapi({ description: "Salary plus side costs a month" }),
    currency: z.string(),
    fundingSource: z.enum(fundingSources),
    grantEligible: z.boolean(),
    contractId: z.uuid().nullable(),
    note: z.string(),
    substitutes: z.array(substituteSchema).openapi({
      description: "The substitution chain at home: the first stands in for this person, the next for the first…",
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("Secondment");

export const presentSecondment = ({
  secondment: s,
  substitutes,
}: SecondmentView): z.infer<typeof secondmentSchema> => ({
  id: s.id,
  personName: s.personName,
  personId: s.personId,
  title: s.title,
  homeOrganisationName: s.homeOrganisationName,
  homeOrganisationId: s.homeOrganisationId,
  legalForm: s.legalForm,
  sharePercent: s.sharePercent,
  fte: hundredthsText(s.fteHundredths),
  fteHundredths: s.fteHundredths,
  startDate: s.startDate,
  agreedEndDate: s.agreedEndDate,
  plannedReturnDate: s.plannedReturnDate,
  salaryCents: Number(s.salaryCents),
  sideCostsCents: Number(s.sideCostsCents),
  monthlyCostCents: Number(s.salaryCents + s.sideCostsCents),
  currency: s.currency,
  fundingSource: s.fundingSource,
  grantEligible: s.grantEligible,
  contractId: s.contractId,
  note: s.note,
  substitutes: substitutes.map((x) => ({ position: x.position, name: x.name, post: x.post })),
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const secondmentsPageSchema = pageSchema(secondmentSchema).openapi("SecondmentPage");
export const presentSecondmentsPage = (page: Page<SecondmentView>) => ({
  items: page.items.map(presentSecondment),
  nextCursor: page.nextCursor,
});

const totalsFields = {
  people: z.number().int().openapi({ description: "Different people" }),
  secondments: z.number().int(),
  fte,
  fteHundredths: z.number().int(),
  monthlyCostCents: cents,
};
const presentTotals = (t: Totals) => ({
  people: t.people,
  secondments: t.secondments,
  fte: hundredthsText(t.fteHundredths),
  fteHundredths: t.fteHundredths,
  monthlyCostCents: Number(t.monthlyCostCents),
});

export const secondmentTotalsSchema = z
  .object({
    total: z.object(totalsFields),
    byOrganisation: z.array(z.object({ organisation: z.string(), ...totalsFields })),
    byFundingSource: z.array(
      z.object({ fundingSource: z.enum(fundingSources), ...totalsFields, grantEligibleFte: fte }),
    ),
  })
  .openapi("SecondmentTotals");
export const presentSecondmentTotals = (t: SecondmentTotals): z.infer<typeof secondmentTotalsSchema> => ({
  total: presentTotals(t.total),
  byOrganisation: t.byOrganisation.map((o) => ({ organisation: o.organisation, ...presentTotals(o) })),
  byFundingSource: t.byFundingSource.map((f) => ({
    fundingSource: f.fundingSource,
    ...presentTotals(f),
    grantEligibleFte: hundredthsText(f.grantEligibleFteHundredths),
  })),
});

export const returnScheduleSchema = z
  .object({
    months: z.array(
      z.object({
        month: z.string().openapi({ example: "2019-04" }),
        people: z.number().int(),
        fte,
        returns: z.array(
          z.object({
            secondmentId: z.uuid(),
            personName: z.string(),
            homeOrganisationName: z.string(),
            fte,
            returnDate: day,
            planned: z.boolean().openapi({ description: "A planned return date (else the day after the agreed end)" }),
            returned: z.boolean(),
            substitutes: z.array(substituteSchema),
          }),
        ),
      }),
    ),
  })
  .openapi("SecondmentReturnSchedule");
export const presentReturnSchedule = (months: MonthlyReturns[]): z.infer<typeof returnScheduleSchema> => ({
  months: months.map((m) => ({
    month: m.month,
    people: m.people,
    fte: hundredthsText(m.fteHundredths),
    returns: m.returns.map((r) => ({
      secondmentId: r.view.secondment.id,
      personName: r.view.secondment.personName,
      homeOrganisationName: r.view.secondment.homeOrganisationName,
      fte: hundredthsText(r.view.secondment.fteHundredths),
      returnDate: r.returnDate,
      planned: r.planned,
      returned: r.returned,
      substitutes: r.view.substitutes.map((x) => ({ position: x.position, name: x.name, post: x.post })),
    })),
  })),
});
