import type { z } from "zod";
import type { partySchema, publishedAllianceSchema } from "../../../src/modules/alliances/presenters.ts";
import { useI18n } from "../i18n.ts";
import { DataTable } from "../kit/DataTable.tsx";
import { Heading } from "../kit/Heading.tsx";
import { shareText } from "./format.ts";

type Overview = Pick<z.infer<typeof publishedAllianceSchema>, "id" | "goals" | "segments" | "phases"> & {
  parties: z.infer<typeof partySchema>[];
  /** Present in the members' view (presentAlliance): then the decision log is theirs to read. */
  members?: unknown[];
};

/**
 * What every reader of an alliance sees: the target state, customer segments, phases and parties. Its members
 * also get the link to the board's decision log, and each decided gate links to its decision there.
 */
export function AllianceOverview({ alliance }: { alliance: Overview }) {
  const { t, date, locale, number } = useI18n();
  // Only the members' view carries the gates' decisions (the public one gives none).
  const decisionsHref = alliance.members ? `/alliances/${alliance.id}/decisions` : undefined;
  return (
    <>
      <section aria-labelledby="alliance-goals" className="stack">
        <Heading level={2} id="alliance-goals">
          {t("alliances.page.goals")}
        </Heading>
        <ul>
          {alliance.goals.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      </section>
      <DataTable
        caption={t("alliances.page.segments")}
        rowHeader
        columns={[
          { key: "name", header: t("alliances.field.name"), cell: (s) => s.name },
          {
            key: "volume",
            header: t("alliances.page.expectedVolume"),
            align: "end",
            cell: (s) => number(s.expectedVolume),
          },
        ]}
        rows={alliance.segments}
        rowKey={(s) => s.name}
        emptyText="–"
      />
      <DataTable
        caption={t("alliances.page.phases")}
        rowHeader
        columns={[
          { key: "name", header: t("alliances.field.name"), cell: (p) => t(`alliances.phase.${p.name}`) },
          { key: "dates", header: t("alliances.field.period"), cell: (p) => `${date(p.start)}–${date(p.end)}` },
          {
            key: "gate",
            header: t("alliances.page.gate"),
            cell: (p) => {
              const text = `${t(`alliances.gate.${p.gate}`)}${p.gateDecidedOn ? ` ${date(p.gateDecidedOn)}` : ""}`;
              // Members see which decision decided the gate, in the decision log.
              if (!decisionsHref || !p.gateDecisionId || !p.gateDecidedOn) return text;
              return (
                <>
                  {`${t(`alliances.gate.${p.gate}`)} `}
                  <a href={`${decisionsHref}#decision-${p.gateDecisionId}`}>
                    {t("alliances.gate.byDecision", { date: date(p.gateDecidedOn) })}
                  </a>
                </>
              );
            },
          },
        ]}
        rows={alliance.phases}
        rowKey={(p) => p.name}
        emptyText="–"
      />
      {decisionsHref && (
        <p>
          <a href={decisionsHref}>{t("alliances.decisions.link")}</a>
        </p>
      )}
      <DataTable
        caption={t("alliances.page.parties")}
        rowHeader
        columns={[
          { key: "name", header: t("alliances.field.name"), cell: (p) => p.name },
          { key: "businessId", header: t("alliances.party.businessId"), cell: (p) => p.businessId },
          { key: "side", header: t("alliances.party.side"), cell: (p) => t(`alliances.side.${p.side}`) },
          { key: "role", header: t("alliances.party.role"), cell: (p) => p.role },
          {
            key: "share",
            header: t("alliances.party.shareLabel"),
            align: "end",
            cell: (p) => shareText(locale, p.shareBasisPoints),
          },
        ]}
        rows={alliance.parties}
        rowKey={(p) => p.id}
        emptyText="–"
      />
    </>
  );
}
