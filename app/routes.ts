import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("sign-in", "routes/sign-in.tsx"),
  route("sign-out", "routes/sign-out.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("invitation", "routes/invitation.tsx"),
  route("profile", "routes/profile.tsx"),
  route("admin/people", "routes/admin.people.tsx"),
  route("admin/people/:id", "routes/admin.person.tsx"),
  route("admin/organisations", "routes/admin.organisations.tsx"),
  route("admin/organisations/:id", "routes/admin.organisation.tsx"),
  route("admin/audit", "routes/admin.audit.tsx"),
  route("walls", "routes/walls.tsx"),
  route("w/:slug", "routes/wall.tsx"),
  route("w/:slug/present", "routes/wall-present.tsx"),
  route("w/:slug/settings", "routes/wall-settings.tsx"),
  route("w/:slug/poster", "routes/wall-poster.tsx"),
  route("w/:slug/summary", "routes/wall-summary.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
