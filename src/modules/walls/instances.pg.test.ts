import { describe, expect, it } from "vitest";
import { useTwoInstances } from "../../../test/support/role-visitors.ts";
import { api, createPerson, signIn } from "../../../test/support/server.ts";
import { openStream } from "../../../test/support/sse.ts";

// Only in the PostgreSQL project (vitest.config.ts): two app processes share one
// PostgreSQL database, which embedded PGlite cannot do by design.
describe("two app instances on one PostgreSQL database", () => {
  const apps = useTwoInstances();

  it("delivers a post made on one instance to the streams held by the other, at once", async () => {
    const staff = await createPerson(apps.first.database, "staff");
    const cookie = await signIn(apps.first, staff.email, staff.password);
    const wall = (await api(apps.first, "/api/walls", { method: "POST", cookie, body: { title: "Kaksi palvelinta" } }))
      .json as unknown as { id: string };
    const stream = await openStream(`${apps.second.url}/api/walls/${wall.id}/events`);
    const posted = await api(apps.first, `/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Toiselta palvelimelta", idempotencyKey: "instances-test-1" },
    });
    expect(posted.status).toBe(201);
    const arrived = await stream.waitFor((e) => e.data.type === "post", 2000);
    expect(arrived.data).toMatchObject({ post: { body: "Toiselta palvelimelta" } });
    await stream.close();
  });
});
