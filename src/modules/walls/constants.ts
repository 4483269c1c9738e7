// Plain values shared by the schema, the services and the browser bundle (no database imports here).
export const wallAccessModes = ["link", "join_code", "members"] as const;
export type WallAccess = (typeof wallAccessModes)[number];

export const wallModerationModes = ["open", "pre"] as const;
export type WallModeration = (typeof wallModerationModes)[number];

export const wallLayouts = ["masonry", "columns", "stream"] as const;
export type WallLayout = (typeof wallLayouts)[number];

/** strategy_goal: a goal's consultation wall (the strategy module); staff moderate it. */
export const wallOwnerTypes = ["standalone", "event", "group", "strategy_goal"] as const;
export type WallOwnerType = (typeof wallOwnerTypes)[number];

export const postKinds = ["comment", "question", "remark"] as const;
export type PostKind = (typeof postKinds)[number];

export const postStatuses = ["visible", "pending", "hidden"] as const;
export type PostStatus = (typeof postStatuses)[number];

export const reactionKinds = ["like", "upvote"] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export const attachmentKinds = ["image", "file", "link"] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const postBodyMaxLength = 2000;
export const postTitleMaxLength = 200;
export const authorNameMaxLength = 100;
