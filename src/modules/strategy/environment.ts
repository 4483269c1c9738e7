import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { AppError, isAppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { translate } from "../../i18n/translate.ts";
import { locales } from "../accounts/constants.ts";
import type { DeliverableDetail, DeliverableService } from "../deliverables/service.ts";
import { inLocale } from "../templates/constants.ts";
import { operatingEnvironmentTemplateKey } from "../templates/operating-environment.ts";
import { deliverableTemplates } from "../templates/schema.ts";
import { strategyAudit } from "./audit.ts";
import { isPublished } from "./constants.ts";
import { strategyPolicy } from "./policy.ts";
import { strategies } from "./schema.ts";
import type { StrategyRow } from "./service.ts";

/**
 * Attaching the analysis: the working group that writes it (a deliverable is a group's document: its people and
 * staff write its sections, every save a version), and optionally its language and title.
 */
export const environmentInput = z.object({
  groupId: z.uuid(),
  locale: z.enum(locales).optional(),
  /** Empty: the template's name and the strategy's. */
  title: z.string().trim().max(300).default(""),
});
export type EnvironmentInput = z.input<typeof environmentInput>;

export interface EnvironmentView {
  strategyId: string;
  /** Null until staff attach the analysis. */
  deliverableId: string | null;
  /** The deliverable as the deliverables module shows it to this caller; null when they may not read it. */
  deliverable: DeliverableDetail | null;
}

/**
 * The operating-environment analysis (current state, coming changes, their effects) is a deliverable made from the
 * built-in template "operating-environment" through the deliverables service, in the same unit as the strategy's
 * link to it: sections, versions, comments, compare, status and exports are the deliverables module's.
 */
export function createEnvironmentService({
  db,
  deliverables,
  writes = createWritePath(db),
}: {
  db: Db;
  deliverables: () => DeliverableService;
  writes?: WritePath;
}) {
  const write = writes(strategyAudit);

  async function findStrategy(from: Db | Tx, id: string): Promise<StrategyRow> {
    const [row] = await from.select().from(strategies).where(eq(strategies.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  return {
    /** Makes the strategy's analysis from the built-in template, as a deliverable of the group that writes it (staff). */
    async attach(
      caller: Caller,
      strategyId: string,
      input: EnvironmentInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => {
          authorize(strategyPolicy, "manageStrategies", caller.actor);
          assertUuid(strategyId);
        },
        input: { schema: environmentInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit, unit }): Promise<{ strategyId: string; deliverableId: string }> => {
          const strategy = await findStrategy(tx, strategyId);
          if (strategy.environmentDeliverableId)
            throw new AppError("CONFLICT", [
              { path: "groupId", message: translate(caller.locale, "strategy.environment.exists") },
            ]);
          const [template] = await tx
            .select()
            .from(deliverableTemplates)
            .where(eq(deliverableTemplates.key, operatingEnvironmentTemplateKey));
          if (!template) throw new AppError("INTERNAL");
          const locale = data.locale ?? caller.locale;
          const deliverable = await deliverables()
            .create(
              caller,
              data.groupId,
              {
                templateId: template.id,
                title: data.title || `${inLocale(template.name, locale)} – ${strategy.name}`.slice(0, 300),
                locale,
              },
              { within: unit },
            )
            .catch((error: unknown) => {
              // An unknown group is a field of this form.
              if (isAppError(error) && error.code === "NOT_FOUND")
                throw new AppError("VALIDATION_FAILED", [
                  { path: "groupId", message: translate(caller.locale, "strategy.responsible.groupNotFound") },
                ]);
              throw error;
            });
          await tx
            .update(strategies)
            .set({ environmentDeliverableId: deliverable.id, updatedAt: new Date() })
            .where(eq(strategies.id, strategyId));
          await audit(
            "environment.create",
            { type: "strategy", id: strategyId },
            { deliverableId: deliverable.id, groupId: data.groupId },
          );
          return { strategyId, deliverableId: deliverable.id };
        },
      });
    },

    /** The analysis of a strategy the caller may read, as the deliverables module lets them read it. */
    async get(caller: Caller, strategyId: string): Promise<EnvironmentView> {
      assertUuid(strategyId);
      const strategy = await findStrategy(db, strategyId);
      authorize(strategyPolicy, isPublished(strategy.status) ? "readStrategies" : "readDrafts", caller.actor);
      const id = strategy.environmentDeliverableId;
      if (!id) return { strategyId, deliverableId: null, deliverable: null };
      const deliverable = await deliverables()
        .get(caller, id)
        .catch((error: unknown) => {
          if (isAppError(error) && (error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED")) return null;
          throw error;
        });
      return { strategyId, deliverableId: id, deliverable };
    },
  };
}

export type EnvironmentService = ReturnType<typeof createEnvironmentService>;
