import { defineConfig } from "vitest/config";

const pgUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Tests that need LibreOffice and poppler-utils: `npm run test:office`, not `npm test`. */
const officeTests = "src/**/*.office.test.ts";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          // app/**/*.test.tsx: the UI kit's components rendered to HTML on the server (no browser, no database).
          include: ["src/**/*.test.ts", "app/**/*.test.tsx"],
          exclude: ["src/**/*.pg.test.ts", officeTests],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The same suite on a real PostgreSQL server: each test file gets its own database.
        test: {
          name: "integration-pg",
          include: ["src/**/*.test.ts"],
          exclude: [officeTests],
          env: { TEST_DATABASE_URL: pgUrl },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // What LibreOffice and pdftotext read from the DOCX/PPTX exports. On PGlite only: the database under an
        // export is not what these check, and the exports over HTTP run on PostgreSQL in integration-pg.
        test: {
          name: "office",
          include: [officeTests],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
