import { localeName, locales } from "../../src/i18n/locale.ts";
import { roles } from "../../src/modules/accounts/constants.ts";
import { organisationKinds } from "../../src/modules/people/constants.ts";
import type { T } from "./i18n.ts";

export const roleOptions = (t: T) => roles.map((r) => ({ value: r, label: t(`roles.${r}`) }));
export const kindOptions = (t: T) => organisationKinds.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }));
export const localeOptions = () => locales.map((l) => ({ value: l, label: localeName[l] }));
export const organisationOptions = (t: T, organisations: { id: string; name: string }[]) => [
  { value: "", label: t("people.noOrganisation") },
  ...organisations.map((o) => ({ value: o.id, label: o.name })),
];
