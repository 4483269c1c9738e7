import { personCaller } from "../../../test/support/person-caller.ts";
import type { TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import type { AllianceView } from "./service.ts";

/** Who an alliance's policy matrix runs as: the workspace roles, and people with a place in the alliance. */
export const allianceVisitors = ["anonymous", "member", "representative", "manager", "staff", "admin"] as const;
export type AllianceVisitor = (typeof allianceVisitors)[number];
export const signedOutAllianceVisitors: readonly AllianceVisitor[] = ["anonymous"];

/** Valid business IDs (the check digits are right). */
export const businessIds = {
  region: "0185968-5",
  cityA: "0187690-1",
  cityB: "0209602-6",
  cityC: "0190410-8",
  companyA: "1234567-1",
  companyB: "2345678-0",
  association: "0201256-6",
};

/** A growth-services alliance for 2025–2026: a region and two towns own it, a company and an association provide. */
export const allianceInput = (name = "Kasvupalveluallianssi") => ({
  name,
  kind: "service" as const,
  goals: ["Työllisyysaste nousee 75 prosenttiin"],
  segments: [
    { name: "Maahanmuuttajat", expectedVolume: 400 },
    { name: "Aloittavat yrittäjät", expectedVolume: 150 },
  ],
  phases: [
    // Gates are decided by the board's decisions (gates.ts), never given with the phases.
    { name: "development" as const, start: "2025-01-01", end: "2025-03-31" },
    { name: "implementation" as const, start: "2025-04-01", end: "2026-12-31" },
  ],
  startDate: "2025-01-01",
  endDate: "2026-12-31",
  published: false,
  parties: [
    {
      name: "Pohjois-Pohjanmaan liitto",
      businessId: businessIds.region,
      side: "owner" as const,
      shareBasisPoints: 6000,
    },
    { name: "Oulun kaupunki", businessId: businessIds.cityA, side: "owner" as const, shareBasisPoints: 2500 },
    { name: "Kempeleen kunta", businessId: businessIds.cityB, side: "owner" as const, shareBasisPoints: 1500 },
    {
      name: "Kasvupalvelut Oy",
      businessId: businessIds.companyA,
      side: "provider" as const,
      role: "Pääpalveluntuottaja",
      shareBasisPoints: 7000,
    },
    {
      name: "Työtä yhdessä ry",
      businessId: businessIds.association,
      side: "provider" as const,
      shareBasisPoints: 3000,
    },
  ],
});

export interface AllianceFixture {
  callers: Record<AllianceVisitor, Caller>;
  /** "manager" manages it (and founded it); "representative" represents its company on the board. */
  alliance: AllianceView;
  /** Published; none of the visitors is in it but its founder "manager". */
  published: AllianceView;
  party: (name: string) => string;
}

export async function allianceFixture(app: TestApp): Promise<AllianceFixture> {
  const services = app.platform.services;
  const callers = { anonymous: { actor: null, locale: "fi" } } as Record<AllianceVisitor, Caller>;
  callers.member = (await personCaller(app, "member", "Olli Ulkopuolinen")).caller;
  callers.representative = (await personCaller(app, "member", "Riikka Edustaja")).caller;
  callers.manager = (await personCaller(app, "staff", "Matti Allianssipäällikkö")).caller;
  callers.staff = (await personCaller(app, "staff", "Sanna Valmistelija")).caller;
  callers.admin = (await personCaller(app, "admin", "Kaisa Muutosjohtaja")).caller;
  let alliance = await services.alliances.create(callers.manager, allianceInput());
  const party = (name: string) => alliance.alliance && (alliance.parties.find((p) => p.name === name)?.id ?? "");
  await services.alliances.setMember(callers.manager, alliance.alliance.id, {
    personId: callers.representative.actor?.id ?? "",
    partyId: party("Kasvupalvelut Oy"),
    board: true,
  });
  await services.alliances.setMember(callers.manager, alliance.alliance.id, {
    personId: callers.manager.actor?.id ?? "",
    partyId: party("Pohjois-Pohjanmaan liitto"),
    manager: true,
    board: true,
  });
  alliance = await services.alliances.get(callers.manager, alliance.alliance.id);
  const published = await services.alliances.create(callers.manager, {
    ...allianceInput("Julkinen allianssi"),
    published: true,
  });
  return { callers, alliance, published, party };
}

/**
 * A first model for an alliance's parties: a 100 000 € target in 2025 and 2026, 50:50 gain and pain, the shares as
 * the parties have them (the browser tests' common starting point).
 */
export const halfAndHalfModel = (parties: readonly { id: string; side: string; shareBasisPoints: number }[]) => ({
  version: 1,
  validFrom: "2025-01-01",
  years: [
    { year: 2025, baseTarget: 10_000_000 },
    { year: 2026, baseTarget: 10_000_000 },
  ],
  gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
  painBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
  providerShares: parties
    .filter((p) => p.side === "provider")
    .map((p) => ({ partyId: p.id, shareBasisPoints: p.shareBasisPoints })),
  ownerShares: parties
    .filter((p) => p.side === "owner")
    .map((p) => ({ partyId: p.id, shareBasisPoints: p.shareBasisPoints })),
});
