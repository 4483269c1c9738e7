import { defineAuditActions } from "../../core/write.ts";

/** Every write of the newsletter module records one of these (module "newsletter"). */
export const newsletterAuditActions = [
  "subscriber.subscribe",
  "subscriber.confirm",
  "subscriber.unsubscribe",
  "subscriber.bounce",
  "subscriber.export",
  "subscriber.erase",
  "issue.create",
  "issue.update",
  "issue.send",
  "issue.pause",
  "issue.resume",
  "issue.sent",
] as const;
export const newsletterAudit = defineAuditActions("newsletter", newsletterAuditActions);
