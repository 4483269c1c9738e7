import type { Locale } from "../../../i18n/locale.ts";

/** A deliverable as the DOCX and PPTX exports lay it out; the working-groups module fills it in. */
export interface DeliverableDocument {
  /** e.g. "Uuden toimintamallin kuvaus – Maakuntastrategia" */
  title: string;
  /** e.g. the working group and the status */
  subtitle?: string;
  locale: Locale;
  /** e.g. Työryhmä, Tila, Päivitetty: already formatted for the locale */
  meta: { label: string; value: string }[];
  /** html: the sanitised HTML of a rich-text field (p, br, strong, em, ul, ol, li, a, h3, h4) */
  sections: { number: number; title: string; guidance?: string; html: string }[];
}

export interface DeliverableExportOptions {
  /**
   * Include each section's template guidance (the bracketed instruction of
   * what to write): in grey italics under the heading in DOCX, in the speaker
   * notes in PPTX. Off by default: the circulated document shows the content.
   */
  includeGuidance?: boolean;
}

/** The few words the exports write themselves. */
export const exportWords: Record<Locale, { empty: string; continued: string }> = {
  fi: { empty: "Ei vielä sisältöä.", continued: "jatkuu" },
  sv: { empty: "Inget innehåll ännu.", continued: "forts." },
  en: { empty: "No content yet.", continued: "continued" },
};

export const sectionHeading = (section: { number: number; title: string }): string =>
  `${section.number}. ${section.title}`;

/** The program named as the author of the exported files. */
export const creator = "Uudistamo";
