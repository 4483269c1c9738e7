import { eq } from "drizzle-orm";
import type { Caller } from "../core/caller.ts";
import type { Db } from "../db/client.ts";
import { users } from "../modules/accounts/schema.ts";
import { createDeliverableService } from "../modules/deliverables/service.ts";
import { createGroupService } from "../modules/groups/service.ts";
import { organisations } from "../modules/people/schema.ts";
import { createTimelineService } from "../modules/programme/service.ts";
import { installBuiltIns } from "../modules/templates/builtins.ts";
import { operatingModelExample } from "../modules/templates/operating-model.ts";
import { deliverableTemplates } from "../modules/templates/schema.ts";
import type { WallService } from "../modules/walls/service.ts";

type Actor = NonNullable<Caller["actor"]>;

/**
 * The strategy working group of seed 001 (North Karelia, 2–6/2017). The seed
 * names nine members from these organisations with the regional council's
 * member as convener; the names here are invented. People already in the demo
 * workspace (organisations.ts) are reused by e-mail, the others are added.
 */
const strategyGroupPeople: {
  name: string;
  email: string;
  title: string;
  organisation: string;
  role: "convener" | "chair" | "secretary" | "member";
}[] = [
  {
    name: "Pekka Turunen",
    email: "pekka.turunen@uudistamo.example",
    title: "Suunnittelujohtaja",
    organisation: "Pohjois-Karjalan maakuntaliitto",
    role: "convener",
  },
  {
    name: "Minna Kärkkäinen",
    email: "minna.karkkainen@uudistamo.example",
    title: "Maakuntasuunnittelija",
    organisation: "Pohjois-Karjalan maakuntaliitto",
    role: "secretary",
  },
  {
    name: "Heikki Ronkainen",
    email: "heikki.ronkainen@uudistamo.example",
    title: "Yksikön päällikkö",
    organisation: "Pohjois-Karjalan ELY-keskus",
    role: "member",
  },
  {
    name: "Ville Hyvönen",
    email: "ville.hyvonen@uudistamo.example",
    title: "Henkilöstön edustaja",
    organisation: "Henkilöstöjärjestöjen yhteistyöjärjestö",
    role: "member",
  },
  {
    name: "Tarja Kettunen",
    email: "tarja.kettunen@uudistamo.example",
    title: "Kunnanjohtaja",
    organisation: "Valtimon kunta",
    role: "member",
  },
  {
    name: "Markus Hirvonen",
    email: "markus.hirvonen@uudistamo.example",
    title: "Elinvoimajohtaja",
    organisation: "Kontiolahden kunta",
    role: "member",
  },
  {
    name: "Satu Pesonen",
    email: "satu.pesonen@uudistamo.example",
    title: "Kehittämispäällikkö",
    organisation: "Siun sote – Pohjois-Karjalan sosiaali- ja terveyspalvelujen kuntayhtymä",
    role: "member",
  },
  {
    name: "Laura Mäkelä",
    email: "laura.makela@uudistamo.example",
    title: "Elinkeinopäällikkö",
    organisation: "Joensuun kaupunki",
    role: "member",
  },
  {
    name: "Anne Karhu",
    email: "anne.karhu@uudistamo.example",
    title: "Hallintojohtaja",
    organisation: "Tohmajärven kunta",
    role: "member",
  },
  {
    name: "Jari Kinnunen",
    email: "jari.kinnunen@uudistamo.example",
    title: "Ylitarkastaja",
    organisation: "Pohjois-Karjalan ELY-keskus",
    role: "member",
  },
];

/** Who writes which of the half-filled sections (by the people above, in turn). */
const filledSections = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * Seed 001's working group "Maakuntastrategia" with its wall, and its
 * operating-model description half written (sections 1–10 from the seed's own
 * example text, one of them in two versions, with a comment), out for comments,
 * with the seed's deadlines; and two milestones on the programme timeline.
 * The seed gives only "6/2017" for the report and "2–6/2017" for the working
 * period; the preliminary and finished outputs' days are invented.
 */
export async function seedDemoGroups(db: Db, admin: Actor, wallService: WallService): Promise<void> {
  // Installed at every start already; here too, so the demo never depends on the order of the two.
  await installBuiltIns(db);
  const groups = createGroupService({ db, walls: wallService });
  const deliverables = createDeliverableService({ db });
  const timeline = createTimelineService({ db });
  const asAdmin: Caller = { actor: admin, locale: "fi" };

  const people: (Actor & { groupRole: (typeof strategyGroupPeople)[number]["role"] })[] = [];
  for (const p of strategyGroupPeople) {
    const [existing] = await db.select().from(users).where(eq(users.email, p.email));
    const [organisation] = await db.select().from(organisations).where(eq(organisations.name, p.organisation));
    const id = existing?.id ?? crypto.randomUUID();
    if (!existing) {
      await db.insert(users).values({
        id,
        name: p.name,
        email: p.email,
        emailVerified: true,
        role: "member",
        title: p.title,
        organisationId: organisation?.id ?? null,
      });
    }
    people.push({ id, name: p.name, email: p.email, role: existing?.role ?? "member", groupRole: p.role });
  }
  const convener = people.find((p) => p.groupRole === "convener");
  const secretary = people.find((p) => p.groupRole === "secretary");

  const group = await groups.create(asAdmin, {
    name: "Maakuntastrategia",
    theme: "Maakuntastrategia: uuden toimintamallin kuvaus",
    description:
      "Pohjois-Karjalan maakuntauudistuksen valmisteluryhmä. Tehtävänä on kuvata maakuntastrategian uusi toimintamalli: maakunnan tehtävät, prosessien muutostarpeet, esitys valmistelun etenemisestä väliaikaishallinnolle, digitaaliset palvelut, yhdyspinnat sekä arvio taloudesta, henkilöstöstä ja sopimuksista. Työskentely 2–6/2017, raportointi koordinaatioryhmälle 6/2017.",
    isPublic: true,
    convenerId: convener?.id,
    secretaryId: secretary?.id,
  });
  for (const person of people.filter((p) => p.groupRole === "member")) {
    await groups.setMember(asAdmin, group.id, { userId: person.id, role: "member" });
  }

  const [template] = await db
    .select({ id: deliverableTemplates.id })
    .from(deliverableTemplates)
    .where(eq(deliverableTemplates.key, "operating-model"));
  if (!template) throw new Error("the built-in operating-model template is missing");
  const callerOf = (person: Actor): Caller => ({ actor: person, locale: "fi" });
  const writer = (i: number) => people[i % people.length] ?? admin;
  const deliverable = await deliverables.create(callerOf(writer(0)), group.id, {
    templateId: template.id,
    locale: "fi",
  });
  await deliverables.update(callerOf(writer(0)), deliverable.id, { isPublic: true });
  const { sections } = await deliverables.get(asAdmin, deliverable.id);
  for (const [i, number] of filledSections.entries()) {
    const section = sections.find((s) => s.position === number);
    const text = operatingModelExample[number];
    if (!section || !text) continue;
    const author = callerOf(writer(i));
    if (number === 3) {
      // A first draft, then the full text by someone else: the history has something to compare.
      const first = text.split("\n").slice(0, 2).join("\n");
      await deliverables.saveSection(author, section.id, { body: first, baseVersion: 0 });
      await deliverables.saveSection(callerOf(writer(i + 1)), section.id, { body: text, baseVersion: 1 });
      await deliverables.comment(callerOf(writer(i + 2)), section.id, {
        body: "Lisätäänkö tähän, miten **JTS-neuvottelu** kytkeytyy strategian valmisteluun?",
      });
    } else {
      await deliverables.saveSection(author, section.id, { body: text, baseVersion: 0 });
    }
  }
  for (const deadline of [
    { kind: "preliminary", label: "", dueOn: "2017-04-28" },
    { kind: "finished", label: "", dueOn: "2017-05-31" },
    { kind: "report", label: "", dueOn: "2017-06-30" },
  ] as const) {
    await deliverables.addDeadline(callerOf(writer(0)), deliverable.id, deadline);
  }
  const first = (await deliverables.get(asAdmin, deliverable.id)).deadlines[0];
  if (first) await deliverables.setDeadlineDone(callerOf(writer(0)), first.id, { done: true });
  await deliverables.transition(callerOf(writer(1)), deliverable.id, { to: "in_review" });

  const { phases } = await timeline.get(asAdmin);
  const prePreparation = phases.find((p) => p.key === "pre_preparation");
  await timeline.addMilestone(asAdmin, {
    title: "Valmisteluryhmät aloittavat",
    description: "Uusien toimintamallien tehtäväksianto valmisteluryhmille.",
    dueOn: "2017-02-01",
    phaseId: prePreparation?.id ?? null,
  });
  await timeline.addMilestone(asAdmin, {
    title: "Valmisteluryhmien työskentely päättyy",
    description: "Toimintamallien kuvaukset raportoidaan koordinaatioryhmälle.",
    dueOn: "2017-06-30",
    phaseId: prePreparation?.id ?? null,
  });
}
