// Plain values shared by the schema, the services and the browser bundle (no database imports here).

/** A person's role in a working group (kokoonkutsuja, puheenjohtaja, sihteeri, jäsen). */
export const groupRoles = ["convener", "chair", "secretary", "member"] as const;
export type GroupRole = (typeof groupRoles)[number];

/** The roles one person at a time holds in a group; they also manage the group. */
export const leadRoles = ["convener", "chair", "secretary"] as const satisfies readonly GroupRole[];
export const isLeadRole = (role: GroupRole): boolean => (leadRoles as readonly GroupRole[]).includes(role);
