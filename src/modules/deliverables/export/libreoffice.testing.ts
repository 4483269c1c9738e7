/*
 * Reading an exported DOCX or PPTX back through LibreOffice (soffice) and
 * poppler's pdftotext, as a person opening the file would see it. Only the
 * office suite (*.office.test.ts, `npm run test:office`) uses these: `npm test`
 * needs nothing but Node.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Converts a file with LibreOffice headless, each call with a fresh user
 * profile so parallel test files do not collide over the default one.
 * Returns the converted file's bytes.
 */
async function convert(bytes: Buffer, inputName: string, format: string, outputExtension: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "uudistamo-export-"));
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    const input = join(dir, inputName);
    await writeFile(input, bytes);
    const output = await run(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", format, "--outdir", dir, input],
      { timeout: 120_000 },
    ).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
      throw new Error("LibreOffice is needed: apt-get install libreoffice-writer-nogui libreoffice-impress-nogui");
    });
    // soffice exits 0 even when it could not convert; say what it printed.
    return await readFile(join(dir, inputName.replace(/\.[^.]+$/, `.${outputExtension}`))).catch(() => {
      throw new Error(`LibreOffice did not convert ${inputName}: ${output.stdout}${output.stderr}`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/** The text LibreOffice Writer reads from a DOCX file. */
export async function docxToText(docx: Buffer): Promise<string> {
  return (await convert(docx, "deliverable.docx", "txt:Text (encoded):UTF8", "txt")).toString("utf8");
}

/** The text of each page of the PDF LibreOffice Impress prints from a PPTX file (pdftotext, in reading order). */
export async function pptxToPageTexts(pptx: Buffer): Promise<string[]> {
  const pdf = await convert(pptx, "deliverable.pptx", "pdf", "pdf");
  const dir = await mkdtemp(join(tmpdir(), "uudistamo-pdf-"));
  try {
    const input = join(dir, "deliverable.pdf");
    await writeFile(input, pdf);
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", input, "-"], { maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
        throw new Error("pdftotext is needed: apt-get install poppler-utils");
      },
    );
    return stdout.split("\f").slice(0, -1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
