import { describe } from "vitest";
import { expectPolicyMatrix } from "../../../test/support/policy-matrix.ts";
import { eventsPolicy } from "./policy.ts";

describe("events policy", () => {
  expectPolicyMatrix(eventsPolicy, {
    manageEvents: ["staff", "admin"],
    facilitate: ["staff", "admin"],
    readPrivateEvents: ["member", "staff", "admin"],
    readPublicEvents: ["anonymous", "member", "staff", "admin"],
    register: ["anonymous", "member", "staff", "admin"],
  });
});
