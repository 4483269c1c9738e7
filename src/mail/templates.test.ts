import { describe, expect, it } from "vitest";
import { locales } from "../i18n/locale.ts";
import { mailFi } from "./messages.ts";
import {
  escapeHtml,
  invitationMail,
  mailCatalogs,
  passwordResetMail,
  renderMail,
  unsubscribeHeaders,
} from "./templates.ts";

const link = "https://uudistamo.example/invitation?token=abc-123_XYZ";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("mail templates", () => {
  it.each(locales)("renders the invitation in %s as a text part and an HTML part saying the same", (locale) => {
    const mail = renderMail(invitationMail, locale, { name: "Kaisa Katko", inviter: "Aila Admin", link });
    const say = mailCatalogs[locale];
    expect(mail.subject).toBe(say["mail.invite.subject"]);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Kaisa Katko");
      expect(part).toContain("Aila Admin");
      expect(part).toContain(say["mail.invite.action"]);
      expect(part).toContain(say["mail.invite.expiry"]);
    }
    // Text: the label, then the address on a line of its own.
    expect(mail.text).toContain(`${say["mail.invite.action"]}:\n${link}`);
    // HTML: in the reader's language, the link as a button and again as text to copy.
    expect(mail.html).toContain(`<html lang="${locale}">`);
    const button = new RegExp(`<a href="${escapeRegExp(link)}" style="display:inline-block[^"]*">([^<]*)</a>`);
    expect(mail.html.match(button)?.[1]).toBe(say["mail.invite.action"]);
    expect(mail.html).toContain(`>${link}</a>`);
    expect(mail.html).toContain(say["mail.linkFallback"].replace(/'/g, "&#39;"));
  });

  it.each(locales)("renders the password reset in %s", (locale) => {
    const mail = renderMail(passwordResetMail, locale, { name: "Pekka", link });
    expect(mail.subject).toBe(mailCatalogs[locale]["mail.reset.subject"]);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain(mailCatalogs[locale]["mail.reset.ignore"]);
    expect(mail.html).toContain(`href="${link}"`);
  });

  it("escapes what people typed in the HTML part and leaves the text part as typed", () => {
    const name = `<img src=x onerror="alert(1)"> & 'Tom'`;
    const mail = renderMail(invitationMail, "en", { name, inviter: "<script>x</script>", link });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain(escapeHtml(name));
    expect(mail.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(mail.text).toContain(name);
  });

  it("makes links only of web addresses", () => {
    expect(() => renderMail(invitationMail, "fi", { name: "X", inviter: "Y", link: "javascript:alert(1)" })).toThrow(
      "not a web address",
    );
  });

  it("gives a newsletter one-click unsubscribe headers", () => {
    expect(unsubscribeHeaders("https://uudistamo.example/newsletter/unsubscribe?token=t1")).toEqual({
      "List-Unsubscribe": "<https://uudistamo.example/newsletter/unsubscribe?token=t1>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it.each(["sv", "en"] as const)("%s has every Finnish mail text, none empty, with the same placeholders", (locale) => {
    const keys = Object.keys(mailFi) as (keyof typeof mailFi)[];
    expect(Object.keys(mailCatalogs[locale]).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(mailCatalogs[locale][key].trim()).not.toBe("");
      expect(placeholders(mailCatalogs[locale][key])).toEqual(placeholders(mailFi[key]));
    }
  });
});
