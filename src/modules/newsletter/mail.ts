import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { escapeHtml } from "../../mail/templates.ts";
import { renderPostBody } from "../walls/render.ts";
import type { NewsletterMessageKey } from "./messages.ts";

/** A chosen post as the issue shows it (from publishing's posts.publishedByIds). */
export interface IssuePost {
  id: string;
  title: string;
  summary: string;
  /** Absolute address of the post's page. */
  url: string;
}

/** The body of an issue: frozen when sending starts, shown in the archive; the footer is added per recipient. */
export interface IssueBody {
  html: string;
  text: string;
}

const say = (locale: Locale, key: NewsletterMessageKey, params?: Record<string, string>) =>
  translate(locale, key, params);

const paragraph = (content: string) => `<p style="margin:0 0 16px">${escapeHtml(content).replace(/\n/g, "<br>")}</p>`;

function page(locale: Locale, title: string, inner: string): string {
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f7f7f8;color:#212121;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">',
    inner,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}

const button = (href: string, label: string) =>
  `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 24px;background:#2a6ebb;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:2px">${escapeHtml(label)}</a></p>`;

/** The double opt-in mail: nothing else is ever sent to an address before it is confirmed. */
export function confirmationMail(locale: Locale, link: string, unsubscribe: UnsubscribeLinks) {
  const subject = say(locale, "newsletter.mail.confirm.subject");
  const intro = say(locale, "newsletter.mail.confirm.intro");
  const action = say(locale, "newsletter.mail.confirm.action");
  const expiry = say(locale, "newsletter.mail.confirm.expiry");
  const text = [intro, `${action}:\n${link}`, expiry].join("\n\n");
  const html = page(
    locale,
    subject,
    [
      paragraph(intro),
      button(link, action),
      `<p style="margin:0 0 16px;font-size:14px"><a href="${escapeHtml(link)}" style="color:#2a6ebb;word-break:break-all">${escapeHtml(link)}</a></p>`,
      paragraph(expiry),
    ].join("\n"),
  );
  return { subject, text, html, headers: unsubscribeHeaders(unsubscribe) };
}

/** A mail's unsubscribe: the page's URL, and a mailto when the workspace takes unsubscribes by mail. */
export interface UnsubscribeLinks {
  url: string;
  mailto: string | null;
}

/** RFC 2369 and RFC 8058: the link (and the mailto, if any), and one-click by POST to the link. */
const unsubscribeHeaders = (unsubscribe: UnsubscribeLinks) => ({
  "List-Unsubscribe": [unsubscribe.url, unsubscribe.mailto]
    .filter(Boolean)
    .map((link) => `<${link}>`)
    .join(", "),
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

/** An issue's body: the introduction (the posts' Markdown subset, sanitised) and the chosen posts. */
export function issueBody(locale: Locale, introduction: string, posts: readonly IssuePost[]): IssueBody {
  const readMore = say(locale, "newsletter.mail.readMore");
  const html = [
    renderPostBody(introduction),
    ...posts.map(
      (post) =>
        `<h2 style="font-size:20px;margin:24px 0 8px">${escapeHtml(post.title)}</h2>\n${paragraph(post.summary)}\n` +
        `<p style="margin:0 0 16px"><a href="${escapeHtml(post.url)}" style="color:#2a6ebb">${escapeHtml(readMore)}</a></p>`,
    ),
  ].join("\n");
  const text = [
    introduction,
    ...posts.map((post) => `${post.title}\n\n${post.summary}\n\n${readMore}: ${post.url}`),
  ].join("\n\n");
  return { html, text };
}

/** One recipient's mail: the frozen body, the footer with their own unsubscribe link, the RFC 8058 headers. */
export function issueMail(locale: Locale, subject: string, body: IssueBody, unsubscribe: UnsubscribeLinks) {
  const why = say(locale, "newsletter.mail.why");
  const label = say(locale, "newsletter.mail.unsubscribe");
  const text = `${body.text}\n\n--\n${why}\n${label}: ${unsubscribe.url}`;
  const html = page(
    locale,
    subject,
    `${body.html}\n<hr style="border:0;border-top:1px solid #c8cdd0;margin:24px 0">\n` +
      `<p style="margin:0;font-size:14px">${escapeHtml(why)} <a href="${escapeHtml(unsubscribe.url)}" style="color:#2a6ebb">${escapeHtml(label)}</a></p>`,
  );
  return {
    subject,
    text,
    html,
    headers: unsubscribeHeaders(unsubscribe),
  };
}
