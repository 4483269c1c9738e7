import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { allianceInput, businessIds } from "./test-fixture.ts";

type Json = Record<string, unknown>;

describe("alliances over HTTP", () => {
  let app: TestApp;
  let cookie: string;
  let representativeCookie: string;
  let outsiderCookie: string;
  let alliance: { id: string; parties: { id: string; name: string; side: string; shareBasisPoints: number }[] };
  const party = (name: string) => alliance.parties.find((p) => p.name === name)?.id ?? "";
  const call = (path: string, init: Parameters<typeof api>[2] = {}) => api(app, path, { cookie, ...init });

  beforeAll(async () => {
    app = await startTestApp();
    const manager = await createPerson(app.database, "staff");
    cookie = await signIn(app, manager.email, manager.password);
    const representative = await createPerson(app.database, "member");
    representativeCookie = await signIn(app, representative.email, representative.password);
    const outsider = await createPerson(app.database, "member");
    outsiderCookie = await signIn(app, outsider.email, outsider.password);
    const created = await call("/api/alliances", { method: "POST", body: allianceInput("Kasvupalveluallianssi") });
    expect(created.status).toBe(201);
    alliance = created.json as never;
    const member = await call(`/api/alliances/${alliance.id}/members`, {
      method: "PUT",
      body: { personId: representative.id, partyId: party("Kempeleen kunta") },
    });
    expect(member.status).toBe(200);
    await call(`/api/alliances/${alliance.id}/members`, {
      method: "PUT",
      body: { personId: manager.id, partyId: party("Oulun kaupunki"), manager: true, board: true },
    });
    // Another alliance the representative is not in.
    await call("/api/alliances", { method: "POST", body: allianceInput("Toinen allianssi") });
  });
  afterAll(() => app.close());

  it("refuses a share set that does not add up, naming the field, in the caller's language; nothing changes", async () => {
    const bad = await call(`/api/alliances/${alliance.id}/parties`, {
      method: "PUT",
      body: {
        parties: alliance.parties.map((p) => ({
          ...p,
          shareBasisPoints: p.side === "owner" ? 3000 : p.shareBasisPoints,
        })),
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual([
      { path: "parties", message: "Tilaajien sovittujen osuuksien (shareBasisPoints) summan pitää olla tasan 100 %." },
    ]);
    const after = await call(`/api/alliances/${alliance.id}`);
    expect((after.json.parties as { shareBasisPoints: number }[]).map((p) => p.shareBasisPoints)).toEqual([
      6000, 2500, 1500, 7000, 3000,
    ]);
  });

  it("books costs, imports a file all or nothing, settles, records the board's decision and invoices", async () => {
    const outside = await call(`/api/alliances/${alliance.id}/costs`, {
      method: "POST",
      body: {
        partyId: party("Kasvupalvelut Oy"),
        bookedOn: "2027-01-01",
        category: "fee",
        amount: 100,
        auditReference: "X",
      },
    });
    expect(outside.status).toBe(400);
    expect((outside.json.issues as { path: string }[]).map((i) => i.path)).toEqual(["bookedOn"]);

    const send = (path: string, text: string) =>
      fetch(`${app.url}${path}`, {
        method: "POST",
        headers: { origin: app.url, "content-type": "text/csv", cookie },
        body: text,
      }).then(async (r) => ({ status: r.status, json: await r.json() }));
    const file = [
      "party;date;category;amount;audit reference",
      `${businessIds.companyA};2025-05-01;reimbursable;800000,00;KP-1`,
      `${businessIds.companyA};2025-05-31;fee;60000,00;KP-2`,
      `Työtä yhdessä ry;2025-06-01;reimbursable;40000;TY-1`,
    ];
    const badFile = [...file, "Työtä yhdessä ry;2025-06-31;reimbursable;-1;TY-2"].join("\n");
    const check = await send(`/api/alliances/${alliance.id}/costs/import/check`, badFile);
    expect(check.status).toBe(200);
    expect(check.json.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [5, "date"],
      [5, "amount"],
    ]);
    const refused = await send(`/api/alliances/${alliance.id}/costs/import`, badFile);
    expect(refused.status).toBe(400);
    expect(refused.json.issues.map((i: { path: string }) => i.path)).toEqual(["rows.5.date", "rows.5.amount"]);
    const imported = await send(`/api/alliances/${alliance.id}/costs/import`, file.join("\n"));
    expect(imported.status).toBe(201);
    expect(imported.json.stored).toBe(3);

    const model = await call(`/api/alliances/${alliance.id}/models`, {
      method: "POST",
      body: {
        version: 1,
        validFrom: "2025-01-01",
        years: [
          { year: 2025, baseTarget: 100_000_000 },
          { year: 2026, baseTarget: 100_000_000 },
        ],
        gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
        painBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
        providerShares: [
          { partyId: party("Kasvupalvelut Oy"), shareBasisPoints: 7000 },
          { partyId: party("Työtä yhdessä ry"), shareBasisPoints: 3000 },
        ],
        ownerShares: alliance.parties
          .filter((p) => p.side === "owner")
          .map((p) => ({ partyId: p.id, shareBasisPoints: p.shareBasisPoints })),
      },
    });
    expect(model.status).toBe(201);
    const settled = await call(`/api/alliances/${alliance.id}/settlements`, { method: "POST", body: { year: 2025 } });
    expect(settled.status).toBe(201);
    const year = (settled.json.years as Json[])[0] as {
      figures: Record<string, { cents: number }>;
      trace: Record<string, string>;
      steps: { id: string; description: string; sources: { kind: string; ref: string }[] }[];
    };
    expect(year.figures.difference?.cents).toBe(10_000_000);
    expect(year.figures.incentive?.cents).toBe(5_000_000);
    // Every figure is traceable: the actual cost's step rests on the imported entries.
    const reimbursed = year.steps.find((s) => s.id === year.trace.reimbursed);
    expect(reimbursed?.sources.filter((s) => s.kind === "costEntry").length).toBe(2);
    expect(year.steps.find((s) => s.id === year.trace.ownersPayment)?.description).toContain("=");

    const members = (await call(`/api/alliances/${alliance.id}`)).json.members as {
      personId: string;
      board: boolean;
    }[];
    const decision = await call(`/api/alliances/${alliance.id}/decisions`, {
      method: "POST",
      body: {
        proposal: "Hyväksytään vuoden 2025 väliselvitys",
        decidedOn: "2026-01-27",
        requiresUnanimity: true,
        positions: members.filter((m) => m.board).map((m) => ({ personId: m.personId, position: "for" })),
        made: true,
      },
    });
    expect(decision.status).toBe(201);
    const approved = await call(`/api/alliances/settlements/${settled.json.id}/approve`, {
      method: "POST",
      body: { decisionId: decision.json.id },
    });
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe("approved");

    const invoice = await call(`/api/alliances/${alliance.id}/invoices/monthly`, {
      method: "POST",
      body: { partyId: party("Kasvupalvelut Oy"), month: "2025-05" },
    });
    expect(invoice.status).toBe(201);
    expect(invoice.json.amount).toEqual({ cents: 86_000_000, currency: "EUR" });
    expect((invoice.json.owners as { amount: { cents: number } }[]).map((o) => o.amount.cents)).toEqual([
      51_600_000, 21_500_000, 12_900_000,
    ]);
    const paid = await call(`/api/alliances/invoices/${invoice.json.id}/payment`, {
      method: "PUT",
      body: { status: "paid", paidOn: "2025-06-14" },
    });
    expect(paid.json.status).toBe("paid");
    const incentive = await call(`/api/alliances/${alliance.id}/invoices/incentive`, {
      method: "POST",
      body: { settlementId: settled.json.id },
    });
    expect((incentive.json.items as { amount: { cents: number } }[]).map((i) => i.amount.cents)).toEqual([
      3_500_000, 1_500_000,
    ]);
  });

  it("shows a representative their alliance and no other; the public sees only what is published", async () => {
    const list = await api(app, "/api/alliances", { cookie: representativeCookie });
    expect((list.json.items as { name: string }[]).map((a) => a.name)).toEqual(["Kasvupalveluallianssi"]);
    expect((await api(app, `/api/alliances/${alliance.id}/costs`, { cookie: representativeCookie })).status).toBe(200);
    expect((await api(app, `/api/alliances/${alliance.id}/costs`, { cookie: outsiderCookie })).status).toBe(403);
    expect((await api(app, `/api/alliances/${alliance.id}`)).status).toBe(401);
    const write = await api(app, `/api/alliances/${alliance.id}/costs`, {
      method: "POST",
      cookie: representativeCookie,
      body: {
        partyId: party("Kempeleen kunta"),
        bookedOn: "2025-01-02",
        category: "fee",
        amount: 1,
        auditReference: "R",
      },
    });
    expect(write.status).toBe(403);
    expect((await api(app, `/api/alliances/${alliance.id}/public`)).status).toBe(404);
    await call(`/api/alliances/${alliance.id}`, { method: "PATCH", body: { published: true } });
    const published = await api(app, `/api/alliances/${alliance.id}/public`);
    expect(published.status).toBe(200);
    expect(published.json.goals).toEqual(["Työllisyysaste nousee 75 prosenttiin"]);
    expect((published.json.results as { year: number; difference: { cents: number } }[]).map((r) => r.year)).toEqual([
      2025,
    ]);
    expect(published.json).not.toHaveProperty("members");
  });

  it("lists every route in the OpenAPI document", async () => {
    const doc = await api(app, "/api/openapi.json");
    const paths = Object.keys(doc.json.paths as object);
    for (const path of [
      "/api/alliances",
      "/api/alliances/{id}",
      "/api/alliances/{id}/public",
      "/api/alliances/{id}/parties",
      "/api/alliances/{id}/members",
      "/api/alliances/{id}/contributions",
      "/api/alliances/{id}/budget",
      "/api/alliances/{id}/costs",
      "/api/alliances/{id}/costs/import",
      "/api/alliances/{id}/costs/import/check",
      "/api/alliances/{id}/books/summary",
      "/api/alliances/{id}/models",
      "/api/alliances/{id}/settlements",
      "/api/alliances/settlements/{id}",
      "/api/alliances/settlements/{id}/approve",
      "/api/alliances/{id}/decisions",
      "/api/alliances/{id}/invoices",
      "/api/alliances/{id}/invoices/monthly",
      "/api/alliances/{id}/invoices/incentive",
      "/api/alliances/invoices/{id}/payment",
    ])
      expect(paths, path).toContain(path);
  });
});
