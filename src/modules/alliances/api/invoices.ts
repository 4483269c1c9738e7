import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { incentiveInvoicesInput, monthlyInvoiceInput, paymentInput } from "../inputs.ts";
import { invoiceSchema, invoicesSchema, outstandingSchema, presentInvoice, presentOutstanding } from "../presenters.ts";
import { tags } from "./alliances.ts";

/** Providers' invoices and their payment. */
export function registerInvoiceRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/invoices",
      tags,
      summary: "The providers' invoices, with what each owner pays of each by its share",
      request: { params: idParam },
      responses: { 200: jsonResponse(invoicesSchema, "The invoices"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const views = await apiServices(c).allianceInvoices.list(c.get("caller"), c.req.valid("param").id);
      return c.json({ items: views.map(presentInvoice) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/invoices/outstanding",
      tags,
      summary: "What is outstanding of the invoices: by provider (invoiced, paid, unpaid) and each owner's part",
      request: { params: idParam },
      responses: { 200: jsonResponse(outstandingSchema, "The outstanding amounts"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const view = await apiServices(c).allianceInvoices.overview(c.get("caller"), c.req.valid("param").id);
      return c.json(presentOutstanding(view.outstanding), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/invoices/monthly",
      tags,
      summary: "A provider's monthly invoice from the books: its costs counting toward the target plus its fee",
      request: { params: idParam, body: jsonBody(monthlyInvoiceInput) },
      responses: { 201: jsonResponse(invoiceSchema, "The invoice"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentInvoice(
          await apiServices(c).allianceInvoices.createMonthly(
            c.get("caller"),
            c.req.valid("param").id,
            await c.req.json(),
          ),
        ),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/invoices/incentive",
      tags,
      summary: "Each provider's incentive invoice at the period's end, from an approved settlement",
      request: { params: idParam, body: jsonBody(incentiveInvoicesInput) },
      responses: { 201: jsonResponse(invoicesSchema, "The invoices"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const views = await apiServices(c).allianceInvoices.createIncentive(
        c.get("caller"),
        c.req.valid("param").id,
        await c.req.json(),
      );
      return c.json({ items: views.map(presentInvoice) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/alliances/invoices/{id}/payment",
      tags,
      summary: "Mark an invoice paid (with the day) or unpaid (its managers)",
      request: { params: idParam, body: jsonBody(paymentInput) },
      responses: { 200: jsonResponse(invoiceSchema, "The invoice"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentInvoice(
          await apiServices(c).allianceInvoices.setPayment(
            c.get("caller"),
            c.req.valid("param").id,
            await c.req.json(),
          ),
        ),
        200,
      ),
  );
}
