// Plain values shared by the schema, the services and the browser bundle (no database imports here).
export const organisationKinds = [
  "municipality",
  "joint_authority",
  "ely_centre",
  "region",
  "state_agency",
  "company",
  "association",
  "other",
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
