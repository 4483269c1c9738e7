// Plain values shared by the schema, the services and the browser bundle (no database imports here).
export const agendaItemKinds = ["item", "break", "workshop"] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

/** Whether a participant's e-mail is asked for when registering. */
export const emailRequirements = ["off", "optional", "required"] as const;
export type EmailRequirement = (typeof emailRequirements)[number];
