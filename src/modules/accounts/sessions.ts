import { z } from "zod";
import type { Config } from "../../config/env.ts";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import type { Locale } from "../../i18n/locale.ts";
import { type Auth, clientIpHeader } from "./auth.ts";
import { password } from "./inputs.ts";
import { accountsPolicy } from "./policy.ts";
import { presentMe } from "./presenters.ts";

export interface RequestInfo {
  /** The browser's own request, for its cookies and user agent. */
  headers: Headers;
  clientIp: string;
  locale: Locale;
}

const resetInput = z.object({ token: z.string().min(1).max(500), password });

/**
 * The web forms' way into better-auth: each call goes through better-auth's own
 * HTTP handler, so its rate limits, origin check and cookie handling apply to
 * a plain HTML form exactly as to a JSON client. Returns the Set-Cookie headers
 * to pass on to the browser.
 */
export function createSessionService(auth: Auth, config: Config) {
  async function call(path: string, info: RequestInfo, body: unknown): Promise<Response> {
    const headers = new Headers({
      "content-type": "application/json",
      origin: new URL(config.publicUrl).origin,
      [clientIpHeader]: info.clientIp,
    });
    for (const name of ["cookie", "user-agent", "accept-language"]) {
      const value = info.headers.get(name);
      if (value) headers.set(name, value);
    }
    return auth.handler(
      new Request(`${config.publicUrl}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }),
    );
  }

  const cookiesOf = (response: Response) => response.headers.getSetCookie();

  function failure(response: Response, otherwise: AppError["code"]): AppError {
    if (response.status === 429) return new AppError("RATE_LIMITED");
    if (response.status === 403) return new AppError("CSRF_REJECTED");
    return new AppError(otherwise);
  }

  return {
    /** The signed-in person's own account (GET /api/me). */
    me(caller: Caller) {
      authorize(accountsPolicy, "readOwnAccount", caller.actor);
      return presentMe(caller.actor as NonNullable<Caller["actor"]>, caller.locale);
    },

    async signIn(info: RequestInfo, credentials: { email: string; password: string }): Promise<string[]> {
      const response = await call("/sign-in/email", info, { ...credentials, rememberMe: true });
      if (!response.ok) throw failure(response, "INVALID_CREDENTIALS");
      return cookiesOf(response);
    },

    async signOut(info: RequestInfo): Promise<string[]> {
      const response = await call("/sign-out", info, {});
      return cookiesOf(response);
    },

    /** Always looks successful to the caller, so the form does not reveal which e-mails have accounts. */
    async requestPasswordReset(info: RequestInfo, email: string): Promise<void> {
      const response = await call("/request-password-reset", info, { email, redirectTo: "/reset-password" });
      if (response.status === 429) throw new AppError("RATE_LIMITED");
    },

    async resetPassword(info: RequestInfo, input: { token: string; password: string }): Promise<void> {
      const data = parseInput(resetInput, input, info.locale);
      const response = await call("/reset-password", info, { token: data.token, newPassword: data.password });
      if (!response.ok) throw failure(response, response.status === 400 ? "LINK_EXPIRED" : "INTERNAL");
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
