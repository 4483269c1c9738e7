import type { Caller } from "../../core/caller.ts";
import type { WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import { implementationPhases } from "../templates/operating-model.ts";
import { programmeAudit } from "./audit.ts";
import { programmePhases } from "./schema.ts";

const workspaceCaller: Caller = { actor: null, locale: "fi" };

/**
 * The implementation phases of seed 001's template (slide 25), once: each has a
 * key, and a key already there is left alone, so staff's dates stay. Each phase
 * installed is audited; a start that finds them all there records nothing.
 */
export async function installProgrammePhases(_db: Db, writes: WritePath): Promise<void> {
  await writes(programmeAudit)({
    caller: workspaceCaller,
    allow: () => {},
    run: async ({ tx, audit, unchanged }) => {
      const rows = await tx
        .insert(programmePhases)
        .values(
          implementationPhases.map((p, i) => ({
            key: p.key,
            position: i + 1,
            name: p.name,
            description: p.description,
          })),
        )
        .onConflictDoNothing({ target: programmePhases.key })
        .returning({ id: programmePhases.id, key: programmePhases.key });
      if (rows.length === 0) return unchanged();
      for (const row of rows) await audit("phase.install", { type: "phase", id: row.id }, { key: row.key });
    },
  });
}
