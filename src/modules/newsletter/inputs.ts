import { z } from "zod";
import { locales } from "../../i18n/locale.ts";
import { maxEmailLength, maxIssuePosts, maxTopicLength, maxTopics } from "./constants.ts";

const email = z
  .string()
  .trim()
  .max(maxEmailLength, { error: "newsletter.email.tooLong" })
  .pipe(z.email({ error: "newsletter.email.invalid" }))
  .transform((value) => value.toLowerCase());

const topic = z
  .string()
  .trim()
  .min(1, { error: "newsletter.topic.invalid" })
  .max(maxTopicLength, { error: "newsletter.topic.invalid" })
  .transform((value) => value.toLowerCase());

/** Topics as a list, or as a form sends them: one value, or words separated by commas. */
const topics = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(topic).max(maxTopics, { error: "newsletter.topics.tooMany" }))
  .transform((list) => [...new Set(list)])
  .default([]);

const locale = z.enum(locales, { error: "newsletter.locale.invalid" });

export const subscribeInput = z.object({
  email,
  locale,
  topics,
  /** The box under the consent text; a form sends "on". */
  consent: z.union([z.literal(true), z.literal("on"), z.literal("true")], { error: "newsletter.consent.required" }),
});
export type SubscribeInput = z.input<typeof subscribeInput>;

/** A link's token: what the mail carried. */
export const tokenInput = z.object({
  token: z
    .string()
    .trim()
    .min(16, { error: "newsletter.token.invalid" })
    .max(200, { error: "newsletter.token.invalid" }),
});

const postIds = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (Array.isArray(value) ? value : value.split(/[\s,]+/)).map((t) => t.trim()).filter(Boolean))
  .pipe(
    z.array(z.uuid({ error: "newsletter.posts.invalid" })).max(maxIssuePosts, { error: "newsletter.posts.tooMany" }),
  )
  .transform((list) => [...new Set(list)]);

export const issueInput = z.object({
  subject: z.string().trim().min(1, { error: "newsletter.subject.required" }).max(200),
  introduction: z.string().trim().min(1, { error: "newsletter.introduction.required" }).max(20_000),
  locale,
  topics,
  postIds: postIds.default([]),
});
export type IssueInput = z.input<typeof issueInput>;
export const issuePatch = issueInput.partial();
export type IssuePatch = z.input<typeof issuePatch>;

/** An admin's look-up of one subscriber's data by address. */
export const subscriberLookup = z.object({ email });
