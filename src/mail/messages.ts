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
  "mail.contractReminder.start.subject": "Muistutus: sopimus {number} alkaa {date}",
  "mail.contractReminder.start.intro": "Sopimus ”{contract}” ({number}, kansio {folder}) alkaa {date}.",
  "mail.contractReminder.end.subject": "Muistutus: sopimus {number} päättyy {date}",
  "mail.contractReminder.end.intro":
    "Sopimus ”{contract}” ({number}, kansio {folder}) päättyy {date}. Selvitä ajoissa, jatketaanko, kilpailutetaanko vai päätetäänkö se.",
  "mail.contractReminder.optionEnd.subject": "Muistutus: sopimuksen {number} optiokausi päättyy {date}",
  "mail.contractReminder.optionEnd.intro":
    "Sopimuksen ”{contract}” ({number}, kansio {folder}) optiokausi päättyy {date}.",
  "mail.contractReminder.notice.subject": "Muistutus: sopimuksen {number} irtisanomisen määräpäivä {date}",
  "mail.contractReminder.notice.intro":
    "Jos sopimusta ”{contract}” ({number}, kansio {folder}) ei haluta jatkaa, se on irtisanottava irtisanomisaika huomioiden viimeistään {date}. Viimeinen työpäivä siihen mennessä on {actBy}.",
  "mail.contractReminder.action": "Avaa sopimus",
  "mail.contractReminder.why": "Saat tämän muistutuksen, koska olet sopimuksen vastuuhenkilö tai varahenkilö.",
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
  "mail.contractReminder.start.subject": "Påminnelse: avtal {number} börjar {date}",
  "mail.contractReminder.start.intro": "Avtalet ”{contract}” ({number}, mappen {folder}) börjar {date}.",
  "mail.contractReminder.end.subject": "Påminnelse: avtal {number} upphör {date}",
  "mail.contractReminder.end.intro":
    "Avtalet ”{contract}” ({number}, mappen {folder}) upphör {date}. Utred i tid om det ska fortsätta, upphandlas på nytt eller avslutas.",
  "mail.contractReminder.optionEnd.subject": "Påminnelse: optionsperioden för avtal {number} upphör {date}",
  "mail.contractReminder.optionEnd.intro":
    "Optionsperioden för avtalet ”{contract}” ({number}, mappen {folder}) upphör {date}.",
  "mail.contractReminder.notice.subject": "Påminnelse: sista dag för uppsägning av avtal {number} är {date}",
  "mail.contractReminder.notice.intro":
    "Om avtalet ”{contract}” ({number}, mappen {folder}) inte ska fortsätta måste det med hänsyn till uppsägningstiden sägas upp senast {date}. Den sista arbetsdagen före det är {actBy}.",
  "mail.contractReminder.action": "Öppna avtalet",
  "mail.contractReminder.why": "Du får den här påminnelsen eftersom du är ansvarsperson eller ersättare för avtalet.",
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
  "mail.contractReminder.start.subject": "Reminder: contract {number} starts on {date}",
  "mail.contractReminder.start.intro": "The contract “{contract}” ({number}, folder {folder}) starts on {date}.",
  "mail.contractReminder.end.subject": "Reminder: contract {number} ends on {date}",
  "mail.contractReminder.end.intro":
    "The contract “{contract}” ({number}, folder {folder}) ends on {date}. Decide in good time whether to continue it, tender it again or let it end.",
  "mail.contractReminder.optionEnd.subject": "Reminder: an option period of contract {number} ends on {date}",
  "mail.contractReminder.optionEnd.intro":
    "An option period of the contract “{contract}” ({number}, folder {folder}) ends on {date}.",
  "mail.contractReminder.notice.subject": "Reminder: the notice deadline of contract {number} is {date}",
  "mail.contractReminder.notice.intro":
    "If the contract “{contract}” ({number}, folder {folder}) is not to continue, notice must be given by {date}, given its notice period. The last working day by then is {actBy}.",
  "mail.contractReminder.action": "Open the contract",
  "mail.contractReminder.why": "You get this reminder because you are the contract's responsible person or a deputy.",
};
