import type { OfficeView } from "../../../src/modules/publishing/presenters.ts";
import { useI18n } from "../i18n.ts";
import { Heading } from "../kit/Heading.tsx";

/** The office's address, opening hours and e-mail (workspace settings); nothing when none are set. */
export function OfficeContacts({ office }: { office: OfficeView }) {
  const { t, locale } = useI18n();
  const hours = office.openingHours[locale];
  if (!office.name && !office.address && !office.email && !hours) return null;
  return (
    <section className="office-contacts" aria-labelledby="office-title">
      <Heading level={2} id="office-title">
        {t("publishing.home.contact")}
      </Heading>
      {office.name && <p className="office-name">{office.name}</p>}
      <dl>
        {office.address && (
          <>
            <dt>{t("publishing.home.address")}</dt>
            <dd className="pre-line">{office.address}</dd>
          </>
        )}
        {hours && (
          <>
            <dt>{t("publishing.home.openingHours")}</dt>
            <dd className="pre-line">{hours}</dd>
          </>
        )}
        {office.email && (
          <>
            <dt>{t("publishing.home.email")}</dt>
            <dd>
              <a href={`mailto:${office.email}`}>{office.email}</a>
            </dd>
          </>
        )}
        {office.phone && (
          <>
            <dt>{t("publishing.home.phone")}</dt>
            <dd>
              <a href={`tel:${office.phone.replace(/\s/g, "")}`}>{office.phone}</a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
