import { describe, expect, it } from "vitest";
import { localPath } from "./local-path.ts";

describe("localPath", () => {
  it.each([
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    null,
    undefined,
  ])("sends %j to the front page", (value) => {
    expect(localPath(value)).toBe("/");
  });

  it.each([
    ["/events", "/events"],
    ["/w/ABC123?tab=posts#p1", "/w/ABC123?tab=posts#p1"],
    ["/e/seminaari-2016/../x", "/e/x"],
    ["/groups?next=//evil.example", "/groups?next=//evil.example"],
  ])("keeps the local path %j", (value, expected) => {
    expect(localPath(value)).toBe(expected);
  });
});
