import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditEvents } from "../modules/audit/schema.ts";
import { keyset, pageQuery } from "./pagination.ts";
import { parseInput } from "./validate.ts";

// The database side (both drivers) is tested where lists use it: audit/paging.test.ts, people/paging.test.ts.
describe("keyset pagination", () => {
  const pages = keyset({
    list: "audit",
    key: auditEvents.at,
    keyType: "timestamp",
    id: auditEvents.id,
    idType: "integer",
    order: "desc",
  });
  const row = (id: number) => ({ id, keysetKey: `2019-03-20T10:00:00.00000${id}Z`, keysetId: id });

  it("fetches one row more than the page and makes a cursor only when there is a next page", () => {
    expect(pages.fetch(50)).toBe(51);
    const full = pages.page([row(3), row(2), row(1)], 2);
    expect(full.items).toEqual([{ id: 3 }, { id: 2 }]);
    expect(pages.decode(full.nextCursor ?? "", "fi")).toEqual({ key: "2019-03-20T10:00:00.000002Z", id: 2 });
    expect(pages.page([row(2), row(1)], 2)).toEqual({ items: [{ id: 2 }, { id: 1 }], nextCursor: null });
    expect(pages.page([], 2)).toEqual({ items: [], nextCursor: null });
  });

  it("reads no cursor as the first page, and a bad one as a translated field error", () => {
    expect(pages.decode(undefined, "fi")).toBeNull();
    expect(pages.decode("", "fi")).toBeNull();
    expect(() => pages.decode("bm9wZQ", "sv")).toThrow(
      expect.objectContaining({
        code: "VALIDATION_FAILED",
        issues: [{ path: "cursor", message: "Sidlänken är felaktig eller föråldrad. Börja från första sidan." }],
      }),
    );
  });

  it("limits the page size", () => {
    const query = z.object(pageQuery({ defaultLimit: 20, maxLimit: 100 }));
    expect(parseInput(query, {}, "fi")).toEqual({ limit: 20 });
    expect(parseInput(query, { limit: "100", cursor: "abc" }, "fi")).toEqual({ limit: 100, cursor: "abc" });
    expect(() => parseInput(query, { limit: "101" }, "fi")).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED" }),
    );
    expect(() => parseInput(query, { limit: "0" }, "fi")).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED" }),
    );
  });
});
