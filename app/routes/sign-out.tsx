import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";

export async function action({ context, request }: Route.ActionArgs) {
  const cookies = await context.services.sessions.signOut({
    headers: request.headers,
    clientIp: context.clientIp,
    locale: context.caller.locale,
  });
  const headers = new Headers();
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return redirect("/sign-in?signedOut", { headers });
}

export function loader() {
  return redirect("/");
}
