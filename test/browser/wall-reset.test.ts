import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { wallEvents, wallPosts, walls } from "../../src/modules/walls/schema.ts";
import { api } from "../support/server.ts";
import { adminCaller, openPage, signedInState, useBrowserApp } from "./support.ts";

/**
 * A wall page whose stream comes back to a log it has not seen (the database restored from a backup, so the
 * wall's newest seq is below the page's): the server answers with a reset, and the page re-reads its posts and
 * carries on live instead of waiting forever.
 */
describe("a wall page after its wall's log was reset", () => {
  const web = useBrowserApp(async (app, browser) => ({
    staff: await signedInState(browser, app, "staff", "Sanna Valmistelija"),
  }));

  it("re-reads the posts after a reset and carries on live", async () => {
    const { app, browser, staff } = web;
    const wall = await app.platform.services.walls.create(adminCaller(staff.person), { title: "Palautus" });
    let n = 0;
    const post = (body: string) =>
      api(app, `/api/walls/${wall.id}/posts`, {
        method: "POST",
        body: { body, idempotencyKey: `key-reset-${++n}-${Date.now()}` },
      });
    for (const b of ["Vanha 1", "Vanha 2", "Vanha 3"]) expect((await post(b)).status).toBe(201);
    const reader = await openPage(browser, app);
    await reader.page.goto(`/w/${wall.slug}`);
    await reader.page.getByText("Päivittyy reaaliajassa").waitFor();
    await reader.page.getByRole("article").filter({ hasText: "Vanha 3" }).waitFor();
    // The restore: the wall's posts and log are gone and its numbering starts again.
    const db = app.database.db;
    await db.delete(wallEvents).where(eq(wallEvents.wallId, wall.id));
    await db.delete(wallPosts).where(eq(wallPosts.wallId, wall.id));
    await db.update(walls).set({ lastSeq: 0 }).where(eq(walls.id, wall.id));
    expect((await post("Palautettu")).status).toBe(201);
    // Like a restart onto the restored database: the streams end, the browser comes back with its Last-Event-ID.
    app.platform.services.hub.closeAll();
    await reader.page.getByRole("article").filter({ hasText: "Palautettu" }).waitFor({ timeout: 15_000 });
    await expect.poll(() => reader.page.getByRole("article").filter({ hasText: "Vanha" }).count()).toBe(0);
    expect((await post("Jälkeen")).status).toBe(201);
    await reader.page.getByRole("article").filter({ hasText: "Jälkeen" }).waitFor({ timeout: 5000 });
    expect(await reader.page.getByRole("article").count()).toBe(2);
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  });
});
