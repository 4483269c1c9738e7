import type { Catalog } from "../../i18n/catalog.ts";
import { incentiveEn, incentiveFi, incentiveSv } from "./incentive/messages.ts";

/** The alliances module's texts; the incentive engine's own are merged in. Finnish is the source of keys. */
export const alliancesFi = {
  ...incentiveFi,
  "audit.modules.alliances": "Allianssit",
} as const;

export type AlliancesMessageKey = keyof typeof alliancesFi;

export const alliancesSv: Catalog<AlliancesMessageKey> = {
  ...incentiveSv,
  "audit.modules.alliances": "Allianser",
};

export const alliancesEn: Catalog<AlliancesMessageKey> = {
  ...incentiveEn,
  "audit.modules.alliances": "Alliances",
};
