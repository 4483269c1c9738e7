import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Caller } from "../core/caller.ts";
import { createWritePath } from "../core/write.ts";
import type { Db } from "../db/client.ts";
import { newsletterAudit } from "../modules/newsletter/audit.ts";
import { type IssuePost, issueBody } from "../modules/newsletter/mail.ts";
import { newsletterIssues } from "../modules/newsletter/schema.ts";
import { postPath } from "../modules/publishing/presenters.ts";
import { posts } from "../modules/publishing/schema.ts";

type Actor = NonNullable<Caller["actor"]>;

/** Seed 004's newsletter, as two issues already sent (the archive's "uutiskirjeet jo lähetetyt"). */
const demoIssues = [
  {
    subject: "Uutiskirje 1/2017: allianssi ja kasvupalvelut",
    introduction:
      "Tilaa sote- ja maakuntauudistuksesta tuorein tieto uutiskirjeenä sähköpostiisi.\n\nTässä numerossa **allianssimalli** ja kasvupalvelut: miten kunnat, maakunta ja valtio välttävät päällekkäiset palvelut.",
    sentAt: new Date("2017-03-15T08:00:00Z"),
    from: new Date("2016-01-01T00:00:00Z"),
    to: new Date("2017-03-15T00:00:00Z"),
  },
  {
    subject: "Uutiskirje 2/2017: kohti käyttöönottoa",
    introduction:
      "Syksyn kuulumiset uudistuksesta: 300 päivää Effica Lifecare -järjestelmän käyttöönottoon ja asiakasohjauksen kehittäminen.",
    sentAt: new Date("2017-09-20T08:00:00Z"),
    from: new Date("2017-03-15T00:00:00Z"),
    to: new Date("2018-12-31T00:00:00Z"),
  },
];

/**
 * Two sent issues in the public archive, each with the demo's published posts of its period (publishing's demo
 * posts, when they are there), linked by their paths on this site. Written as the admin's audited writes; nobody is subscribed in the demo, so
 * nothing is mailed.
 */
export async function seedDemoNewsletter(db: Db, admin: Actor): Promise<void> {
  const write = createWritePath(db)(newsletterAudit);
  const caller: Caller = { actor: admin, locale: "fi" };
  for (const issue of demoIssues) {
    const chosen = await db
      .select({ id: posts.id, title: posts.title, summary: posts.summary, slug: posts.slug })
      .from(posts)
      .where(
        and(
          eq(posts.status, "published"),
          eq(posts.locale, "fi"),
          gte(posts.publishAt, issue.from),
          lt(posts.publishAt, issue.to),
        ),
      )
      .orderBy(asc(posts.publishAt))
      .limit(3);
    const items: IssuePost[] = chosen.map((p) => ({
      id: p.id,
      title: p.title,
      summary: p.summary,
      // On this site's own pages (the demo does not know its public address).
      url: postPath(p.slug),
    }));
    const body = issueBody("fi", issue.introduction, items);
    await write({
      caller,
      allow: () => undefined,
      run: async ({ tx, audit }) => {
        const [row] = await tx
          .insert(newsletterIssues)
          .values({
            subject: issue.subject,
            introduction: issue.introduction,
            locale: "fi",
            postIds: items.map((p) => p.id),
            status: "sent",
            sentHtml: body.html,
            sentText: body.text,
            createdBy: admin.id,
            createdAt: issue.sentAt,
            startedAt: issue.sentAt,
            sentAt: issue.sentAt,
          })
          .returning({ id: newsletterIssues.id });
        await audit("issue.create", { type: "newsletter_issue", id: row?.id ?? null }, { demo: true });
      },
    });
  }
}
