import type { Catalog } from "../i18n/catalog.ts";
import { interpolate, type MessageParams } from "../i18n/interpolate.ts";
import type { Locale } from "../i18n/locale.ts";
import { type MailMessageKey, mailEn, mailFi, mailSv } from "./messages.ts";

export const mailCatalogs: Record<Locale, Catalog<MailMessageKey>> = { fi: mailFi, sv: mailSv, en: mailEn };

/**
 * One e-mail message: its subject, text part and HTML part in every language come from
 * this one definition, so the two parts cannot say different things.
 */
export interface MailTemplate<P extends MessageParams> {
  subject: MailMessageKey;
  /** Paragraphs before the button. */
  before: readonly MailMessageKey[];
  /** What the reader is asked to do: a button in HTML, with the address also as text; the label and address in text. */
  action?: { label: MailMessageKey; href: keyof P & string };
  /** Paragraphs after the button; the signature follows. */
  after?: readonly MailMessageKey[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const invitationMail: MailTemplate<{ name: string; inviter: string; link: string }> = {
  subject: "mail.invite.subject",
  before: ["mail.greeting", "mail.invite.intro"],
  action: { label: "mail.invite.action", href: "link" },
  after: ["mail.invite.expiry"],
};

export const passwordResetMail: MailTemplate<{ name: string; link: string }> = {
  subject: "mail.reset.subject",
  before: ["mail.greeting", "mail.reset.intro"],
  action: { label: "mail.reset.action", href: "link" },
  after: ["mail.reset.ignore"],
};

/** The headers a newsletter carries so mail programs offer one-click unsubscribe (RFC 2369, RFC 8058). */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${safeLink(url)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function renderMail<P extends MessageParams>(
  template: MailTemplate<P>,
  locale: Locale,
  params: P,
): RenderedMail {
  const say = (key: MailMessageKey) => interpolate(locale, mailCatalogs[locale][key], params);
  const subject = say(template.subject);
  const before = template.before.map(say);
  const after = [...(template.after ?? []).map(say), say("mail.signature")];
  const action = template.action && {
    label: say(template.action.label),
    href: safeLink(String(params[template.action.href])),
  };

  const text = [...before, ...(action ? [`${action.label}:\n${action.href}`] : []), ...after].join("\n\n");

  const paragraph = (content: string) => `<p style="margin:0 0 16px">${escapeHtml(content).replace(/\n/g, "<br>")}</p>`;
  const button = action
    ? [
        `<p style="margin:24px 0"><a href="${escapeHtml(action.href)}" style="display:inline-block;padding:12px 24px;` +
          `background:#2a6ebb;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:2px">` +
          `${escapeHtml(action.label)}</a></p>`,
        `<p style="margin:0 0 16px;font-size:14px">${escapeHtml(say("mail.linkFallback"))}<br>` +
          `<a href="${escapeHtml(action.href)}" style="color:#2a6ebb;word-break:break-all">${escapeHtml(action.href)}</a></p>`,
      ]
    : [];
  const html = [
    "<!doctype html>",
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f7f7f8;color:#212121;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">',
    ...before.map(paragraph),
    ...button,
    ...after.map(paragraph),
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
  return { subject, text, html };
}

/** Text as HTML content or attribute value. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only web addresses become links: a template parameter can never make a javascript: or data: link. */
function safeLink(href: string): string {
  const url = new URL(href);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`not a web address: ${url.protocol}`);
  return url.toString();
}

/** The parameters of a contract reminder (commitments module): dates already formatted in the reader's language. */
type ContractReminderParams = {
  name: string;
  contract: string;
  number: string;
  folder: string;
  date: string;
  actBy: string;
  link: string;
};

const contractReminder = (subject: MailMessageKey, intro: MailMessageKey): MailTemplate<ContractReminderParams> => ({
  subject,
  before: ["mail.greeting", intro],
  action: { label: "mail.contractReminder.action", href: "link" },
  after: ["mail.contractReminder.why"],
});

export const contractStartReminderMail = contractReminder(
  "mail.contractReminder.start.subject",
  "mail.contractReminder.start.intro",
);
export const contractEndReminderMail = contractReminder(
  "mail.contractReminder.end.subject",
  "mail.contractReminder.end.intro",
);
export const contractOptionEndReminderMail = contractReminder(
  "mail.contractReminder.optionEnd.subject",
  "mail.contractReminder.optionEnd.intro",
);
export const contractNoticeReminderMail = contractReminder(
  "mail.contractReminder.notice.subject",
  "mail.contractReminder.notice.intro",
);

/** The contract reminders by kind (commitments/constants.ts reminderKinds). */
export const contractReminderMails = {
  start: contractStartReminderMail,
  end: contractEndReminderMail,
  option_end: contractOptionEndReminderMail,
  notice_deadline: contractNoticeReminderMail,
} as const;
