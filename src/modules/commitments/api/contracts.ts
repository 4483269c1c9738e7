import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { contractInput, contractPatch, reminderSettingsInput } from "../inputs.ts";
import { contractSchema, contractsPageSchema, presentContract, presentContractsPage } from "../presenters.ts";
import { contractsPageInput } from "../service.ts";
import { tags } from "./folders.ts";

/** Contracts: the list, a new one, one with everything about it, a change, its own reminder settings. */
export function registerContractRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/contracts",
      tags,
      summary: "Contracts A–Z, in a folder or all",
      description:
        "Staff, admins and auditors see every contract; a member sees those their home organisation is a party to. A page at a time: pass nextCursor as ?cursor=.",
      request: { query: contractsPageInput },
      responses: {
        200: jsonResponse(contractsPageSchema, "A page of contracts"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(
        presentContractsPage(await apiServices(c).contracts.listContracts(c.get("caller"), c.req.valid("query"))),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/contracts",
      tags,
      summary: "Add a contract (staff)",
      description:
        "Refused with VALIDATION_FAILED naming the field: an end before the start, a notice period longer than the contract, a number already in the folder, a business ID whose check digit is wrong. The notice deadline is computed (calendar months clamp to month ends).",
      request: { body: jsonBody(contractInput) },
      responses: {
        201: jsonResponse(contractSchema, "The new contract"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(presentContract(await apiServices(c).contracts.createContract(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/contracts/{id}",
      tags,
      summary: "A contract with its parties, people, option periods, notice deadline and reminders",
      request: { params: idParam },
      responses: {
        200: jsonResponse(contractSchema, "The contract"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentContract(await apiServices(c).contracts.getContract(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/commitments/contracts/{id}",
      tags,
      summary: "Change a contract (staff); deputies and option periods given replace the stored ones",
      request: { params: idParam, body: jsonBody(contractPatch) },
      responses: { 200: jsonResponse(contractSchema, "The contract as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentContract(
          await apiServices(c).contracts.updateContract(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/commitments/contracts/{id}/reminders",
      tags,
      summary: "Set the contract's own reminder settings, replacing its folder's defaults for it (staff)",
      request: { params: idParam, body: jsonBody(reminderSettingsInput) },
      responses: { 200: jsonResponse(contractSchema, "The contract"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentContract(
          await apiServices(c).contracts.setContractReminders(
            c.get("caller"),
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/commitments/contracts/{id}/reminders",
      tags,
      summary: "Drop the contract's own reminder settings: its folder's defaults apply again (staff)",
      request: { params: idParam },
      responses: { 200: jsonResponse(contractSchema, "The contract"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentContract(
          await apiServices(c).contracts.clearContractReminders(c.get("caller"), c.req.valid("param").id),
        ),
        200,
      ),
  );
}
