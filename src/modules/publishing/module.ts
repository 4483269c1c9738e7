import { defineModule } from "../module.ts";
import { publishingEn, publishingFi, publishingSv } from "./messages.ts";

/** Publishing (issue 10): posts by named authors, the front page, search and feeds (the newsletter is its own module). */
export default defineModule({
  name: "publishing",
  messages: { fi: publishingFi, sv: publishingSv, en: publishingEn },
  pages: [
    { path: "blog", file: "routes/blog.tsx" },
    { path: "news", file: "routes/news.tsx" },
    { path: "blog/archive/:year?/:month?", file: "routes/blog-archive.tsx" },
    { path: "blog/tag/:tag", file: "routes/blog-tag.tsx" },
    { path: "blog/manage", file: "routes/blog-manage.tsx" },
    { path: "blog/manage/:id", file: "routes/blog-edit.tsx" },
    { path: "blog/:slug", file: "routes/blog-post.tsx" },
    { path: "admin/office", file: "routes/office-settings.tsx" },
    { path: "search", file: "routes/search.tsx" },
  ],
  navigation: [
    { to: "/blog", label: "publishing.nav", roles: ["anyone"], order: 15 },
    { to: "/admin/office", label: "publishing.office.title", roles: ["admin"], order: 68 },
    { to: "/search", label: "publishing.search.title", roles: ["anyone"], order: 80 },
  ],
  server: () => import("./server.ts"),
});
