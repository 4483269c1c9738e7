import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { pdfBytes } from "../commitments/test-fixture.ts";
import { storedFiles } from "../files/schema.ts";
import { presentAlliance, presentDecisionLogEntry } from "./presenters.ts";
import { type allianceAttachments, allianceDecisions } from "./schema.ts";
import { type AllianceFixture, allianceFixture, allianceInput } from "./test-fixture.ts";

/** Rejects with this code and exactly these issue paths; answers the messages. */
async function refusal(promise: Promise<unknown>, code: string, ...paths: string[]) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; issues?: { path: string; message: string }[] } | null;
  expect(error?.code).toBe(code);
  if (paths.length) expect(error?.issues?.map((i) => i.path)).toEqual(paths);
  return error?.issues?.map((i) => i.message) ?? [];
}

describe("the decision log, its attachments and the phase gates", () => {
  let app: TestApp;
  let f: AllianceFixture;
  let auditor: Caller;
  const s = () => app.platform.services;
  const id = () => f.alliance.alliance.id;
  const manager = () => f.callers.manager;
  const rows = async (table: typeof storedFiles | typeof allianceAttachments | typeof allianceDecisions) =>
    (await app.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
  const board = () => [
    { personId: f.callers.manager.actor?.id ?? "", position: "for" as const },
    { personId: f.callers.representative.actor?.id ?? "", position: "for" as const },
  ];
  const decide = (subject: string, made = true, allianceId = id()) =>
    s().allianceDecisions.record(manager(), allianceId, {
      subject,
      proposal: `${subject}: päätösehdotus`,
      decidedOn: "2025-03-28",
      positions: made ? board() : board().map((p) => ({ ...p, position: "against" as const })),
      made,
    });

  beforeAll(async () => {
    app = await startTestApp();
    f = await allianceFixture(app);
    auditor = (await personCaller(app, "auditor", "Tiina Tarkastaja")).caller;
    // A workspace auditor who even manages the alliance reads its files but never attaches one.
    await s().alliances.setMember(manager(), id(), {
      personId: auditor.actor?.id ?? "",
      partyId: f.party("Oulun kaupunki"),
      manager: true,
    });
  }, 240_000);
  afterAll(() => app.close());

  it("records a decision with its signed minutes in one write; a refused file or decision leaves nothing", async () => {
    const before = { files: await rows(storedFiles), decisions: await rows(allianceDecisions) };
    // A text file named .pdf: the type is read from the content.
    const fake = { data: new TextEncoder().encode("not a pdf at all"), name: "poytakirja.pdf" };
    const messages = await refusal(
      s().allianceDecisions.record(
        manager(),
        id(),
        { proposal: "X", decidedOn: "2025-03-28", positions: board(), made: true },
        fake,
      ),
      "FILE_TYPE_REFUSED",
      "file",
    );
    expect(messages[0]).toContain("PDF");
    // A good file with a decision the positions do not carry.
    await refusal(
      s().allianceDecisions.record(
        manager(),
        id(),
        { proposal: "X", decidedOn: "2025-03-28", positions: board(), made: false },
        { data: pdfBytes, name: "poytakirja.pdf" },
      ),
      "VALIDATION_FAILED",
      "made",
    );
    expect({ files: await rows(storedFiles), decisions: await rows(allianceDecisions) }).toEqual(before);

    const decision = await s().allianceDecisions.record(
      manager(),
      id(),
      {
        subject: "Toteutusvaiheeseen",
        proposal: "Siirrytään toteutusvaiheeseen.",
        decidedOn: "2025-03-28",
        positions: board(),
        made: true,
      },
      { data: pdfBytes, name: "Pöytäkirja 3-2025.pdf" },
    );
    expect(decision.subject).toBe("Toteutusvaiheeseen");
    const [file] = await s().allianceAttachments.list(f.callers.representative, { decisionId: decision.id });
    expect(file).toMatchObject({ decisionId: decision.id, mimeType: "application/pdf", size: pdfBytes.byteLength });
    expect(file?.name).toBe("Pöytäkirja 3-2025.pdf");
    await expectAudited(app.database.db, {
      module: "alliances",
      action: "attachment.create",
      targetId: file?.id ?? "",
      actorId: manager().actor?.id,
    });

    const log = await s().allianceDecisions.log(f.callers.representative, id());
    const entry = presentDecisionLogEntry(log.find((e) => e.row.id === decision.id) ?? log[0]!);
    expect(entry.positions.map((p) => [p.name, p.partyName, p.position])).toEqual([
      ["Matti Allianssipäällikkö", "Pohjois-Pohjanmaan liitto", "for"],
      ["Riikka Edustaja", "Kasvupalvelut Oy", "for"],
    ]);
    expect(entry.partiesPresent.map((p) => p.name)).toEqual(["Pohjois-Pohjanmaan liitto", "Kasvupalvelut Oy"]);
    expect(entry.attachments.map((a) => a.downloadUrl)).toEqual([
      `/alliances/attachments/${file?.id}/${encodeURIComponent("Pöytäkirja 3-2025.pdf")}`,
    ]);
  });

  it("attaches a receipt to a cost entry: managers attach, representatives and auditors read, others nothing", async () => {
    const entry = await s().allianceBooks.addCostEntry(manager(), id(), {
      partyId: f.party("Kasvupalvelut Oy"),
      bookedOn: "2025-02-01",
      category: "reimbursable",
      amount: 120_000,
      auditReference: "KP-2025-17",
    });
    const receipt = { data: pdfBytes, name: "kuitti.pdf" };
    const target = { costEntryId: entry.id };
    const before = await rows(storedFiles);
    await refusal(s().allianceAttachments.attach(f.callers.representative, target, receipt), "FORBIDDEN");
    await refusal(s().allianceAttachments.attach(auditor, target, receipt), "FORBIDDEN");
    await refusal(s().allianceAttachments.attach(f.callers.member, target, receipt), "FORBIDDEN");
    await refusal(s().allianceAttachments.attach(f.callers.anonymous, target, receipt), "UNAUTHENTICATED");
    await refusal(s().allianceAttachments.attach(manager(), target, null), "VALIDATION_FAILED", "file");
    expect(await rows(storedFiles)).toBe(before);

    const row = await s().allianceAttachments.attach(manager(), target, receipt);
    expect(row).toMatchObject({ costEntryId: entry.id, decisionId: null, mimeType: "application/pdf" });
    for (const reader of [f.callers.representative, auditor, manager()]) {
      expect((await s().allianceAttachments.list(reader, target)).map((a) => a.id)).toEqual([row.id]);
      const file = await s().allianceAttachments.download(reader, row.id);
      expect(Buffer.from(file.data).equals(Buffer.from(pdfBytes))).toBe(true);
    }
    await refusal(s().allianceAttachments.list(f.callers.member, target), "FORBIDDEN");
    await refusal(s().allianceAttachments.download(f.callers.member, row.id), "FORBIDDEN");
    await refusal(s().allianceAttachments.download(f.callers.anonymous, row.id), "UNAUTHENTICATED");
    await refusal(s().allianceAttachments.download(f.callers.staff, row.id), "FORBIDDEN");
  });

  it("opens a gate only with a decision of this alliance, in order; the alliance shows the gate's decision", async () => {
    const other = await s().alliances.create(manager(), allianceInput("Toinen allianssi"));
    await s().alliances.setMember(manager(), other.alliance.id, {
      personId: f.callers.representative.actor?.id ?? "",
      partyId: other.parties[0]?.id ?? "",
      board: true,
    });
    await s().alliances.setMember(manager(), other.alliance.id, {
      personId: manager().actor?.id ?? "",
      manager: true,
      board: true,
    });
    const elsewhere = await decide("Toisen allianssin päätös", true, other.alliance.id);
    const before = presentAlliance(await s().alliances.get(manager(), id())).phases;

    await refusal(
      s().allianceGates.decide(manager(), id(), { phase: "development", decisionId: elsewhere.id }),
      "VALIDATION_FAILED",
      "decisionId",
    );
    await refusal(
      s().allianceGates.decide(manager(), id(), {
        phase: "development",
        decisionId: "00000000-0000-4000-8000-000000000000",
      }),
      "VALIDATION_FAILED",
      "decisionId",
    );
    await refusal(
      s().allianceGates.decide(manager(), id(), { phase: "development", decisionId: "" }),
      "VALIDATION_FAILED",
      "decisionId",
    );
    const rejected = await decide("Ei vielä toteutukseen", false);
    const opening = await decide("Toteutukseen");
    // The implementation phase's gate waits for the development phase's.
    await refusal(
      s().allianceGates.decide(manager(), id(), { phase: "implementation", decisionId: opening.id }),
      "VALIDATION_FAILED",
      "phase",
    );
    await refusal(
      s().allianceGates.decide(manager(), id(), { phase: "afterCare", decisionId: opening.id }),
      "VALIDATION_FAILED",
      "phase",
    );
    await refusal(
      s().allianceGates.decide(f.callers.representative, id(), { phase: "development", decisionId: opening.id }),
      "FORBIDDEN",
    );
    expect(presentAlliance(await s().alliances.get(manager(), id())).phases).toEqual(before);

    // A decision not made rejects the gate; a later one made approves it.
    const afterRejection = await s().allianceGates.decide(manager(), id(), {
      phase: "development",
      decisionId: rejected.id,
    });
    expect(afterRejection.phases[0]).toMatchObject({ gate: "rejected", gateDecisionId: rejected.id });
    const opened = await s().allianceGates.decide(manager(), id(), { phase: "development", decisionId: opening.id });
    expect(opened.phases[0]).toMatchObject({
      gate: "approved",
      gateDecidedOn: "2025-03-28",
      gateDecisionId: opening.id,
    });
    await expectAudited(app.database.db, {
      module: "alliances",
      action: "gate.decide",
      targetId: id(),
      actorId: manager().actor?.id,
      count: 2,
    });
    await refusal(
      s().allianceGates.decide(manager(), id(), { phase: "development", decisionId: opening.id }),
      "VALIDATION_FAILED",
      "phase",
    );
    const shown = presentAlliance(await s().alliances.get(f.callers.representative, id())).phases[0];
    expect(shown).toMatchObject({ gate: "approved", gateDecisionId: opening.id });
    const log = await s().allianceDecisions.log(manager(), id());
    expect(log.find((e) => e.row.id === opening.id)?.gates).toEqual(["development"]);
  });

  it("never sets a gate by editing the alliance: a changed gate is refused, an unchanged one keeps its decision", async () => {
    const view = await s().alliances.get(manager(), id());
    const phases = view.alliance.phases.map(({ gateDecisionId: _d, ...p }) => p);
    await refusal(
      s().alliances.update(manager(), id(), {
        phases: phases.map((p) =>
          p.name === "implementation" ? { ...p, gate: "approved", gateDecidedOn: "2025-04-01" } : p,
        ),
      }),
      "VALIDATION_FAILED",
      "phases.1.gate",
    );
    await refusal(
      s().alliances.create(manager(), {
        ...allianceInput("Portti käsin"),
        phases: [
          {
            name: "development",
            start: "2025-01-01",
            end: "2025-03-31",
            gate: "approved",
            gateDecidedOn: "2025-03-01",
          },
        ],
      }),
      "VALIDATION_FAILED",
      "phases.0.gate",
    );
    const moved = await s().alliances.update(manager(), id(), {
      phases: phases.map((p) => (p.name === "implementation" ? { ...p, end: "2026-11-30" } : p)),
    });
    expect(moved.alliance.phases[0]?.gateDecisionId).toBe(view.alliance.phases[0]?.gateDecisionId);
    expect(moved.alliance.phases[1]?.end).toBe("2026-11-30");
  });
});
