import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { uploadTempPrefix } from "./multipart.ts";
import { removeStaleUploadFolders, staleUploadFolderMs } from "./temp-sweep.ts";

describe("upload folders a killed server left behind", () => {
  let dir = "";
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("are removed once stale; fresh ones (an upload in progress) and anything else stay", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sweep-test-"));
    const old = new Date(Date.now() - staleUploadFolderMs - 60_000);
    const folder = async (name: string, at?: Date) => {
      const made = path.join(dir, name);
      await mkdir(made);
      await writeFile(path.join(made, "file"), "bytes");
      if (at) await utimes(made, at, at);
    };
    await folder(`${uploadTempPrefix}left`, old);
    await folder(`${uploadTempPrefix}in-progress`);
    await folder("someone-elses", old);
    await writeFile(path.join(dir, `${uploadTempPrefix}a-file`), "not a folder");

    expect(await removeStaleUploadFolders(new Date(Date.now() - staleUploadFolderMs), dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(
      [`${uploadTempPrefix}a-file`, `${uploadTempPrefix}in-progress`, "someone-elses"].sort(),
    );
  });

  it("finds nothing to do in a folder that does not exist", async () => {
    dir = path.join(os.tmpdir(), "sweep-test-missing");
    expect(await removeStaleUploadFolders(new Date(), dir)).toBe(0);
  });
});
