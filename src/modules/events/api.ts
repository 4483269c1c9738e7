import { createRoute, z } from "@hono/zod-openapi";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../http/openapi.ts";
import { wallViewer } from "../walls/http-viewer.ts";
import { registerEventCalendarApi } from "./calendar-http.ts";
import {
  agendaItemInput,
  eventInput,
  eventListQuery,
  registrationInput,
  stepControlInput,
  summaryInput,
  workshopInput,
} from "./inputs.ts";
import {
  eventDetailSchema,
  eventListPageSchema,
  eventSchema,
  presentEvent,
  presentWorkshopState,
  workshopStateSchema,
} from "./presenters.ts";

const tags = ["Events"];
const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const slugParam = z.object({
  slug: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: "slug", in: "path" } }),
});
const manageErrors = ["VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"] as const;

export function registerEventsApi(api: ApiRouter) {
  registerEventCalendarApi(api);
  api.openapi(
    createRoute({
      method: "get",
      path: "/events",
      tags,
      summary:
        "A page of events (visitors see the public ones): all soonest first, ?when=upcoming soonest first, ?when=past latest first; the next page with ?cursor=<nextCursor>",
      request: { query: eventListQuery },
      responses: {
        200: jsonResponse(eventListPageSchema, "A page of events"),
        ...errorResponses("VALIDATION_FAILED"),
      },
    }),
    async (c) => c.json(await c.get("platform").services.events.list(c.get("caller"), c.req.valid("query")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/events",
      tags,
      summary: "Create an event with its own wall (staff). Date and times are Finnish time.",
      request: { body: jsonBody(eventInput) },
      responses: { 201: jsonResponse(eventSchema, "The new event"), ...errorResponses(...manageErrors) },
    }),
    async (c) =>
      c.json(presentEvent(await c.get("platform").services.events.create(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/events/{slug}",
      tags,
      summary: "An event with its agenda and workshops",
      request: { params: slugParam },
      responses: {
        200: jsonResponse(eventDetailSchema, "The event"),
        ...errorResponses("UNAUTHENTICATED", "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(await c.get("platform").services.events.getBySlug(c.get("caller"), c.req.valid("param").slug), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/events/{id}",
      tags,
      summary: "Change an event (staff)",
      request: { params: idParam, body: jsonBody(eventInput) },
      responses: { 200: jsonResponse(eventSchema, "The event as saved"), ...errorResponses(...manageErrors) },
    }),
    async (c) =>
      c.json(
        presentEvent(
          await c.get("platform").services.events.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/events/{id}/agenda",
      tags,
      summary: "Add an agenda item, break or workshop slot with its speakers (staff)",
      request: { params: idParam, body: jsonBody(agendaItemInput) },
      responses: { 204: { description: "Added" }, ...errorResponses(...manageErrors) },
    }),
    async (c) => {
      await c
        .get("platform")
        .services.events.addAgendaItem(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/agenda/{id}",
      tags,
      summary: "Remove an agenda item (staff)",
      request: { params: idParam },
      responses: { 204: { description: "Removed" }, ...errorResponses(...manageErrors) },
    }),
    async (c) => {
      await c.get("platform").services.events.removeAgendaItem(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/events/{id}/workshops",
      tags,
      summary: "Add a workshop session: numbered, time-boxed steps and groups, each group with its own wall (staff)",
      request: { params: idParam, body: jsonBody(workshopInput) },
      responses: { 204: { description: "Added" }, ...errorResponses(...manageErrors) },
    }),
    async (c) => {
      await c
        .get("platform")
        .services.events.addWorkshop(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/workshops/{id}/control",
      tags,
      summary: "Start, advance, step back or stop a workshop (staff facilitating)",
      request: { params: idParam, body: jsonBody(stepControlInput) },
      responses: {
        200: jsonResponse(workshopStateSchema, "The current step"),
        ...errorResponses(...manageErrors),
      },
    }),
    async (c) => {
      const state = await c
        .get("platform")
        .services.events.controlWorkshop(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentWorkshopState(state), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/events/{slug}/registrations",
      tags,
      summary:
        "Register for an event (name, organisation, e-mail as the event asks); lets this browser into the event's walls",
      request: { params: slugParam, body: jsonBody(registrationInput.extend({ code: z.string().max(40).optional() })) },
      responses: {
        204: { description: "Registered" },
        ...errorResponses("VALIDATION_FAILED", "NOT_FOUND", "RATE_LIMITED"),
      },
    }),
    async (c) => {
      const { services } = c.get("platform");
      const viewer = wallViewer(c);
      const body = c.req.valid("json");
      const walls = await services.events.register(viewer, c.req.valid("param").slug, body, body.code);
      c.header("Set-Cookie", services.wallCookies.rememberJoins(c.req.header("cookie"), walls), { append: true });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/events/{slug}/join",
      tags,
      summary: "Join an event's walls with its code, without registering",
      request: { params: slugParam, body: jsonBody(z.object({ code: z.string().min(1).max(40) })) },
      responses: {
        204: { description: "Joined" },
        ...errorResponses("VALIDATION_FAILED", "NOT_FOUND", "RATE_LIMITED"),
      },
    }),
    async (c) => {
      const { services } = c.get("platform");
      const walls = await services.events.join(
        c.req.valid("param").slug,
        c.req.valid("json").code,
        services.participants.hashAddress(c.get("clientIp")),
        c.get("caller").locale,
        c.get("caller").actor,
      );
      c.header("Set-Cookie", services.wallCookies.rememberJoins(c.req.header("cookie"), walls), { append: true });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/events/{id}/summary",
      tags,
      summary: "Save or publish the event's summary (staff)",
      request: { params: idParam, body: jsonBody(summaryInput) },
      responses: { 204: { description: "Saved" }, ...errorResponses(...manageErrors) },
    }),
    async (c) => {
      await c
        .get("platform")
        .services.events.publishSummary(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );
}
