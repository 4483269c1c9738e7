import { defineModule } from "../module.ts";

/** Accounts: sign-in, invitations, password reset, one's own profile. */
export default defineModule({
  name: "accounts",
  pages: [
    { path: "sign-in", file: "routes/sign-in.tsx" },
    { path: "sign-out", file: "routes/sign-out.tsx" },
    { path: "forgot-password", file: "routes/forgot-password.tsx" },
    { path: "reset-password", file: "routes/reset-password.tsx" },
    { path: "invitation", file: "routes/invitation.tsx" },
    { path: "profile", file: "routes/profile.tsx" },
  ],
  navigation: [{ to: "/profile", label: "nav.profile", roles: ["admin", "staff", "member"], order: 90 }],
  server: () => import("./server.ts"),
});
