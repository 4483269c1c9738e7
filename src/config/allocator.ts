/**
 * glibc's malloc gives every thread that allocates its own arena, and keeps what is freed in it for that thread.
 * libvips decodes each upload on whichever libuv thread is free, so every thread's first large image grows a new
 * arena: one 48 MP JPEG raised the server's resident memory by 3.4× its size where, with two arenas, the decode
 * reuses memory freed before (bench/upload-memory.ts; sharp's documentation names the same problem). The npm
 * scripts start the server with MALLOC_ARENA_MAX=2; anyone starting it another way is told at start.
 */
export const recommendedArenaMax = "2";

interface Runtime {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** glibc's version when the process runs on glibc (process.report's header), else undefined. */
  glibcVersion: string | undefined;
}

/** The warning to log when the server runs on glibc with an unbounded number of malloc arenas, else null. */
export function arenaWarning(runtime: Runtime): string | null {
  if (runtime.platform !== "linux" || !runtime.glibcVersion) return null;
  if (runtime.env.MALLOC_ARENA_MAX?.trim()) return null;
  if (/glibc\.malloc\.arena_max=/.test(runtime.env.GLIBC_TUNABLES ?? "")) return null;
  return `MALLOC_ARENA_MAX is not set: start the server with MALLOC_ARENA_MAX=${recommendedArenaMax} (npm start does) so that image uploads do not grow a memory arena per thread`;
}

/** This process's runtime, for arenaWarning. */
export function currentRuntime(): Runtime {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return { platform: process.platform, env: process.env, glibcVersion: header?.glibcVersionRuntime };
}
