import { describe, expect, it } from "vitest";
import { useTwoInstances } from "../../test/support/role-visitors.ts";
import { api, createPerson, type TestApp } from "../../test/support/server.ts";
import { joinCodeGuessLimits } from "./join-code-guesses.ts";

// Only in the PostgreSQL project (vitest.config.ts): two app processes on one
// database, each with its own connection pool, as in production.
describe("join-code guesses on two app instances sharing one PostgreSQL database", () => {
  const apps = useTwoInstances();

  it("count one budget: guesses sent to both instances, even at the same moment, run out together", async () => {
    const staff = await createPerson(apps.first.database, "staff");
    const wall = await apps.first.platform.services.walls.create(
      { actor: { id: staff.id, name: staff.name, email: staff.email, role: "staff" }, locale: "fi" },
      { title: "Kaksi palvelinta", access: "join_code", joinCode: "HAMINA-31" },
    );
    const guess = (app: TestApp, code = "VÄÄRÄ") =>
      api(app, `/api/walls/${wall.id}/join`, { method: "POST", body: { code } }).then((r) => r.status);
    // Twice the budget at once, half to each instance: exactly the budget is answered.
    const statuses = await Promise.all(
      Array.from({ length: 2 * joinCodeGuessLimits.wrongPerWindow }, (_, i) => guess(i % 2 ? apps.first : apps.second)),
    );
    expect(statuses.filter((s) => s === 400)).toHaveLength(joinCodeGuessLimits.wrongPerWindow);
    expect(statuses.filter((s) => s === 429)).toHaveLength(joinCodeGuessLimits.wrongPerWindow);
    expect(await guess(apps.first, "HAMINA-31")).toBe(429);
    expect(await guess(apps.second, "HAMINA-31")).toBe(429);
  });
});
