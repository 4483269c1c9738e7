/** An archive export's states: queued (the job waits), running, done (the ZIP can be downloaded), failed. */
export const exportStatuses = ["queued", "running", "done", "failed"] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/** The archive format's version, in the ZIP's manifest.json; an importer refuses a version it does not know. */
export const archiveFormat = "uudistamo-archive/1";
