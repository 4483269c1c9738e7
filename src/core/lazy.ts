/**
 * A heavy library loaded on first use, once (exceljs, sharp, pptxgenjs, qrcode): a server that never exports a
 * sheet or takes an image never holds their code (bench/startup-memory.ts measures the server after start).
 * A load that fails is tried again next time.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
