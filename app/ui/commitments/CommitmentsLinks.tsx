import { useI18n } from "../i18n.ts";

/** The commitments module's other pages, for the register's and each page's header (staff and auditors). */
export function CommitmentsLinks() {
  const { t } = useI18n();
  return (
    <nav aria-label={t("commitments.form.sections")} className="commitments-links">
      <a href="/commitments">{t("commitments.page.register")}</a>
      <a href="/commitments/secondments">{t("commitments.page.secondments")}</a>
      <a href="/commitments/grants">{t("commitments.form.grants")}</a>
      <a href="/commitments/rampdown">{t("commitments.form.rampdown")}</a>
    </nav>
  );
}
