import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { walls } from "../walls/schema.ts";

export interface OpenWall {
  slug: string;
  title: string;
  description: string;
}

/**
 * What the public front page lists of the walls module: walls anyone with the link may join (no code, not members
 * only) that are still open, newest first. Read only; the walls module writes them.
 */
export function createFrontPageService({ db }: { db: Db }) {
  return {
    async openWalls(limit = 5): Promise<OpenWall[]> {
      return db
        .select({ slug: walls.slug, title: walls.title, description: walls.description })
        .from(walls)
        .where(and(eq(walls.access, "link"), eq(walls.closed, false)))
        .orderBy(desc(walls.createdAt), desc(walls.id))
        .limit(Math.min(Math.max(limit, 1), 20));
    },
  };
}
