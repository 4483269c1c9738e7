// Plain values shared by the schema, the services and the browser bundle (no database imports here).

export const deliverableStatuses = ["draft", "in_review", "submitted", "accepted", "returned"] as const;
export type DeliverableStatus = (typeof deliverableStatuses)[number];

/** Who may make a status change: the group's people (and staff), or only the coordinating staff. */
export type TransitionBy = "group" | "staff";

/**
 * The status machine: the group moves its deliverable from draft to review and
 * submits it; staff accept it or return it with a comment; a returned one goes
 * back to review. Nothing else.
 */
export const statusTransitions: readonly { from: DeliverableStatus; to: DeliverableStatus; by: TransitionBy }[] = [
  { from: "draft", to: "in_review", by: "group" },
  { from: "in_review", to: "draft", by: "group" },
  { from: "in_review", to: "submitted", by: "group" },
  { from: "returned", to: "in_review", by: "group" },
  { from: "submitted", to: "accepted", by: "staff" },
  { from: "submitted", to: "returned", by: "staff" },
];

/** Sections can be written while the group works on the deliverable, not after it is submitted. */
export const editableStatuses: readonly DeliverableStatus[] = ["draft", "in_review", "returned"];

export const deadlineKinds = ["preliminary", "finished", "report", "other"] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const sectionBodyMaxLength = 20_000;
export const commentMaxLength = 4_000;
