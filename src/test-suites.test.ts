import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** Every TypeScript file under src/ and test/, relative to the repository. */
function sources(): string[] {
  return ["src", "test"].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts"))
      .map((name) => relative(root, join(root, dir, name))),
  );
}

describe("the test suites", () => {
  // `npm install && npm test` passes on a machine with only Node (README): what needs an office program is
  // in *.office.test.ts, which `npm test` leaves out and `npm run test:office` runs.
  it("converts with LibreOffice or pdftotext only in the office suite", () => {
    const outside = sources().filter(
      (file) =>
        !file.endsWith(".office.test.ts") &&
        !file.endsWith("/libreoffice.testing.ts") &&
        /from "[^"]*libreoffice\.testing\.ts"|["'](soffice|pdftotext)["']/.test(readFileSync(join(root, file), "utf8")),
    );
    expect(outside).toEqual([]);
  });
});
