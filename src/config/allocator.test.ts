import { describe, expect, it } from "vitest";
import { arenaWarning, currentRuntime } from "./allocator.ts";

describe("the malloc arena warning at start", () => {
  const glibc = { platform: "linux" as const, glibcVersion: "2.36" };

  it("warns on glibc Linux when nothing bounds the arenas", () => {
    expect(arenaWarning({ ...glibc, env: {} })).toMatch(/MALLOC_ARENA_MAX=2/);
    expect(arenaWarning({ ...glibc, env: { MALLOC_ARENA_MAX: " " } })).not.toBeNull();
  });

  it("is quiet when MALLOC_ARENA_MAX or the glibc tunable is set", () => {
    expect(arenaWarning({ ...glibc, env: { MALLOC_ARENA_MAX: "2" } })).toBeNull();
    expect(arenaWarning({ ...glibc, env: { GLIBC_TUNABLES: "glibc.malloc.arena_max=1" } })).toBeNull();
  });

  it("is quiet off glibc (musl, macOS, Windows)", () => {
    expect(arenaWarning({ platform: "linux", glibcVersion: undefined, env: {} })).toBeNull();
    expect(arenaWarning({ platform: "darwin", glibcVersion: undefined, env: {} })).toBeNull();
  });

  it("reads this machine's runtime", () => {
    const runtime = currentRuntime();
    expect(runtime.platform).toBe(process.platform);
    if (process.platform === "linux") expect(runtime.glibcVersion).toMatch(/^\d+\.\d+/);
  });
});
