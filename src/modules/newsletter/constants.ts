/** Shared with the pages (no database imports). */
export const subscriberStatuses = ["pending", "confirmed", "bounced"] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

export const issueStatuses = ["draft", "sending", "paused", "sent"] as const;
export type IssueStatus = (typeof issueStatuses)[number];

/** A recipient's row: pending → sending (claimed, hand-off under way) → sent | failed; skipped when the address left. */
export const deliveryStates = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const maxEmailLength = 254;
export const maxTopics = 20;
export const maxTopicLength = 60;
export const maxIssuePosts = 20;
/** A confirmation link is valid this long. */
export const confirmHours = 48;
/** A second subscription of the same address within this many minutes sends no second confirmation. */
export const resendMinutes = 15;
