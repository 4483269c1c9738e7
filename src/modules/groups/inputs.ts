import { z } from "zod";
import { groupRoles } from "./constants.ts";

const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);
const text = (max: number) => z.string().trim().max(max);
/** An optional reference: a form's empty choice means none. */
const optionalId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .or(z.literal("").transform(() => null))
  .nullable()
  .optional();

const groupDetails = {
  name: z.string().trim().min(1).max(200),
  theme: text(200).default(""),
  description: text(4000).default(""),
  isPublic: flag.default(false),
};

/** A new group with, optionally, the people who lead it (user ids). */
export const groupInput = z.object({
  ...groupDetails,
  convenerId: optionalId,
  chairId: optionalId,
  secretaryId: optionalId,
});
export type GroupInput = z.input<typeof groupInput>;

export const groupUpdateInput = z.object(groupDetails);
export type GroupUpdateInput = z.input<typeof groupUpdateInput>;

export const memberInput = z.object({
  userId: z.string().trim().min(1).max(100),
  role: z.enum(groupRoles).default("member"),
});
export type MemberInput = z.input<typeof memberInput>;
