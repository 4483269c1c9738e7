import { defineAuditActions } from "../../core/write.ts";

/** Every write of the templates module records one of these (module "templates"). */
export const templateAuditActions = ["template.create", "template.update", "template.install"] as const;
export const templatesAudit = defineAuditActions("templates", templateAuditActions);
