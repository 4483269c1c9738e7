import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { folderInput, folderPatch, reminderSettingsInput } from "../inputs.ts";
import { folderSchema, foldersPageSchema, presentFolder, presentFoldersPage } from "../presenters.ts";
import { foldersPageInput } from "../service.ts";

export const tags = ["Contract register"];

/** The register's folders and their reminder defaults. */
export function registerFolderRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/folders",
      tags,
      summary: "The register's folders A–Z (signed in)",
      description: "A page at a time: pass nextCursor as ?cursor= for the next page.",
      request: { query: foldersPageInput },
      responses: {
        200: jsonResponse(foldersPageSchema, "A page of folders"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(
        presentFoldersPage(await apiServices(c).contracts.listFolders(c.get("caller"), c.req.valid("query"))),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/folders",
      tags,
      summary: "Add a folder (staff)",
      request: { body: jsonBody(folderInput) },
      responses: {
        201: jsonResponse(folderSchema, "The new folder"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(presentFolder(await apiServices(c).contracts.createFolder(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/folders/{id}",
      tags,
      summary: "A folder with its reminder defaults",
      request: { params: idParam },
      responses: { 200: jsonResponse(folderSchema, "The folder"), ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) =>
      c.json(presentFolder(await apiServices(c).contracts.getFolder(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/commitments/folders/{id}",
      tags,
      summary: "Rename a folder or change its description (staff)",
      request: { params: idParam, body: jsonBody(folderPatch) },
      responses: { 200: jsonResponse(folderSchema, "The folder as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const { contracts } = apiServices(c);
      const caller = c.get("caller");
      const { id } = c.req.valid("param");
      await contracts.updateFolder(caller, id, c.req.valid("json"));
      return c.json(presentFolder(await contracts.getFolder(caller, id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/commitments/folders/{id}/reminders",
      tags,
      summary: "Set a folder's reminder defaults (staff)",
      description:
        "Days before a contract's start, end, option-period end and notice deadline (the working day before it when it falls on a weekend or holiday); null for none. Every contract in the folder without settings of its own follows them.",
      request: { params: idParam, body: jsonBody(reminderSettingsInput) },
      responses: { 200: jsonResponse(folderSchema, "The folder"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentFolder(
          await apiServices(c).contracts.setFolderReminders(
            c.get("caller"),
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        200,
      ),
  );
}
