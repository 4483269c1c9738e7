import type { Db } from "../../db/client.ts";
import { implementationPhases } from "../templates/operating-model.ts";
import { programmePhases } from "./schema.ts";

/**
 * The implementation phases of seed 001's template (slide 25), once: each has a
 * key, and a key already there is left alone, so staff's dates stay.
 */
export async function installProgrammePhases(db: Db): Promise<void> {
  await db
    .insert(programmePhases)
    .values(
      implementationPhases.map((p, i) => ({ key: p.key, position: i + 1, name: p.name, description: p.description })),
    )
    .onConflictDoNothing({ target: programmePhases.key });
}
