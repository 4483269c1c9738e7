import { createRoute } from "@hono/zod-openapi";
import { apiServices, noContent, signedInErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { subscribeInput, subscriberLookup, tokenInput } from "../inputs.ts";
import {
  acceptedSchema,
  doneSchema,
  presentSubscriberExport,
  presentSubscribersPage,
  subscriberExportSchema,
  subscribersPageSchema,
} from "../presenters.ts";
import { subscribersPageInput } from "../subscribers.ts";

const tags = ["Newsletter"];

/** Subscribing (anyone, double opt-in), the links the mails carry, and the admin's view of subscribers. */
export function registerSubscriberRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/newsletter/subscriptions",
      tags,
      summary: "Subscribe an address (anyone): a confirmation mail is sent, nothing else until it is confirmed",
      description:
        "The answer is the same whether or not the address was subscribed; a second confirmation within 15 minutes is not sent.",
      request: { body: jsonBody(subscribeInput) },
      responses: { 202: jsonResponse(acceptedSchema, "Taken"), ...errorResponses("VALIDATION_FAILED") },
    }),
    async (c) =>
      c.json(await apiServices(c).newsletterSubscribers.subscribe(c.get("caller"), c.req.valid("json")), 202),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/newsletter/confirmations",
      tags,
      summary: "Confirm a subscription with the token of the confirmation mail (once, within 48 hours)",
      request: { body: jsonBody(tokenInput) },
      responses: { 200: jsonResponse(doneSchema, "Confirmed"), ...errorResponses("VALIDATION_FAILED") },
    }),
    async (c) => c.json(await apiServices(c).newsletterSubscribers.confirm(c.get("caller"), c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/newsletter/unsubscriptions",
      tags,
      summary: "Unsubscribe with the token of any newsletter mail: the address is deleted",
      description: "Mail programs use the List-Unsubscribe URL (/newsletter/unsubscribe) for RFC 8058 one-click.",
      request: { body: jsonBody(tokenInput) },
      responses: { 200: jsonResponse(doneSchema, "Unsubscribed"), ...errorResponses("VALIDATION_FAILED") },
    }),
    async (c) =>
      c.json(await apiServices(c).newsletterSubscribers.unsubscribe(c.get("caller"), c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/newsletter/subscribers",
      tags,
      summary: "Subscribers, newest first (admin)",
      request: { query: subscribersPageInput },
      responses: {
        200: jsonResponse(subscribersPageSchema, "A page of subscribers"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(
        presentSubscribersPage(await apiServices(c).newsletterSubscribers.list(c.get("caller"), c.req.valid("query"))),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/newsletter/subscribers/export",
      tags,
      summary: "One subscriber's data as JSON (admin): the subscription, the consent and each issue sent",
      request: { body: jsonBody(subscriberLookup) },
      responses: {
        200: jsonResponse(subscriberExportSchema, "The subscriber's data"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentSubscriberExport(
          await apiServices(c).newsletterSubscribers.exportOne(c.get("caller"), c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/newsletter/subscribers/erase",
      tags,
      summary: "Erase one subscriber's data (admin)",
      request: { body: jsonBody(subscriberLookup) },
      responses: { ...noContent, ...errorResponses("VALIDATION_FAILED", ...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => {
      await apiServices(c).newsletterSubscribers.eraseOne(c.get("caller"), c.req.valid("json"));
      return c.body(null, 204);
    },
  );
}
