import type { Catalog } from "../../i18n/catalog.ts";

/** The walls module's texts. Finnish is the source of keys; the other languages must match it. */
export const wallsFi = {
  "walls.wrongJoinCode": "Koodi ei kelpaa. Tarkista koodi tilaisuuden diasta tai julisteesta.",
  "walls.nameRequired": "Kirjoita nimesi: tälle seinälle ei voi kirjoittaa nimettömänä.",
  "walls.upvoteQuestionsOnly": "Vain kysymyksiä voi äänestää.",
} as const;

export type WallsMessageKey = keyof typeof wallsFi;

export const wallsSv: Catalog<WallsMessageKey> = {
  "walls.wrongJoinCode": "Koden stämmer inte. Kontrollera koden på bilden eller affischen.",
  "walls.nameRequired": "Skriv ditt namn: på den här väggen kan man inte skriva anonymt.",
  "walls.upvoteQuestionsOnly": "Bara frågor kan röstas fram.",
};

export const wallsEn: Catalog<WallsMessageKey> = {
  "walls.wrongJoinCode": "That code is not right. Check the code on the slide or poster.",
  "walls.nameRequired": "Enter your name: this wall does not take anonymous posts.",
  "walls.upvoteQuestionsOnly": "Only questions can be upvoted.",
};
