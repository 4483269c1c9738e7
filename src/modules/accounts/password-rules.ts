/** Password length rules, shared by the forms (hints) and the server (validation). */
export const passwordLength = { min: 10, max: 128 } as const;
