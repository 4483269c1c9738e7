import { defineConfig } from "drizzle-kit";

// Every module's tables are its own schema.ts; migrations in drizzle/ are generated from all of them.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/core/rate-limit-schema.ts", "./src/modules/*/schema.ts"],
  out: "./drizzle",
});
