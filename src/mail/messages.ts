import type { Catalog } from "../i18n/catalog.ts";

/**
 * The e-mails' texts (src/mail/templates.ts puts them together). Finnish is the source of
 * keys; the other languages must match it. Kept apart from the pages' catalog: the browser
 * never needs them.
 */
export const mailFi = {
  "mail.greeting": "Hei {name},",
  "mail.linkFallback": "Jos painike ei toimi, kopioi tämä osoite selaimen osoiteriville:",
  "mail.signature": "Uudistamo",
  "mail.invite.subject": "Kutsu Uudistamoon",
  "mail.invite.intro": "{inviter} kutsui sinut Uudistamoon. Ota tunnus käyttöön asettamalla itsellesi salasana.",
  "mail.invite.action": "Aseta salasana",
  "mail.invite.expiry": "Linkki on voimassa 7 päivää.",
  "mail.reset.subject": "Uudistamo: salasanan vaihto",
  "mail.reset.intro": "Voit asettaa uuden salasanan tunnin ajan tämän viestin lähettämisestä.",
  "mail.reset.action": "Vaihda salasana",
  "mail.reset.ignore": "Jos et pyytänyt salasanan vaihtoa, voit jättää tämän viestin huomiotta.",
} as const;

export type MailMessageKey = keyof typeof mailFi;

export const mailSv: Catalog<MailMessageKey> = {
  "mail.greeting": "Hej {name},",
  "mail.linkFallback": "Om knappen inte fungerar, kopiera den här adressen till webbläsarens adressfält:",
  "mail.signature": "Uudistamo",
  "mail.invite.subject": "Inbjudan till Uudistamo",
  "mail.invite.intro":
    "{inviter} har bjudit in dig till Uudistamo. Ta i bruk ditt användarkonto genom att ange ett lösenord.",
  "mail.invite.action": "Ange lösenord",
  "mail.invite.expiry": "Länken är giltig i 7 dagar.",
  "mail.reset.subject": "Uudistamo: byte av lösenord",
  "mail.reset.intro": "Du kan ange ett nytt lösenord inom en timme från att det här meddelandet skickades.",
  "mail.reset.action": "Byt lösenord",
  "mail.reset.ignore": "Om du inte har bett om att byta lösenord kan du lämna det här meddelandet utan åtgärd.",
};

export const mailEn: Catalog<MailMessageKey> = {
  "mail.greeting": "Hello {name},",
  "mail.linkFallback": "If the button does not work, copy this address into your browser's address bar:",
  "mail.signature": "Uudistamo",
  "mail.invite.subject": "Invitation to Uudistamo",
  "mail.invite.intro": "{inviter} has invited you to Uudistamo. Activate your account by setting a password.",
  "mail.invite.action": "Set a password",
  "mail.invite.expiry": "The link is valid for 7 days.",
  "mail.reset.subject": "Uudistamo: password reset",
  "mail.reset.intro": "You can set a new password within an hour of this message being sent.",
  "mail.reset.action": "Change password",
  "mail.reset.ignore": "If you did not ask to change your password, you can ignore this message.",
};
