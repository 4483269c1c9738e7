/** What the SMTP server's refusal says about the address (nodemailer's error carries the reply code and command). */

/** A refusal of the recipient itself (5xx to RCPT TO): a hard bounce. */
export const isHardBounce = (error: unknown) => {
  const e = error as { responseCode?: number; command?: string };
  return typeof e.responseCode === "number" && e.responseCode >= 500 && /RCPT/i.test(e.command ?? "");
};

/** Any 5xx: sending the same message again would be refused again. */
export const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500;
};

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);
