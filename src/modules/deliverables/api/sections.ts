import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { errorBody } from "../../../http/respond-error.ts";
import { isSectionConflict } from "../conflict.ts";
import { sectionSaveInput } from "../inputs.ts";
import {
  presentCurrent,
  presentSection,
  presentSectionDetail,
  sectionConflictSchema,
  sectionDetailSchema,
  sectionSchema,
} from "../presenters.ts";

const tags = ["Deliverables"];

/** A section: read it for writing, save it as a new version. */
export function registerSectionRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/sections/{id}",
      tags,
      summary: "A section for writing: its guidance, text, versions and comments (the group's people and staff)",
      request: { params: idParam },
      responses: {
        200: jsonResponse(sectionDetailSchema, "The section"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentSectionDetail(await apiServices(c).deliverables.section(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/sections/{id}",
      tags,
      summary: "Save a section as a new version",
      description:
        "Send the version you started from as baseVersion. If someone saved a newer one meanwhile, nothing is saved: 409 CONFLICT with `current`, the newer text and who saved it. Merge, then save again with baseVersion = current.version. Also 409 when the deliverable is submitted or accepted.",
      request: { params: idParam, body: jsonBody(sectionSaveInput) },
      responses: {
        200: jsonResponse(sectionSchema, "The section as saved"),
        409: jsonResponse(sectionConflictSchema, "A newer version exists (CONFLICT)"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      try {
        const saved = await apiServices(c).deliverables.saveSection(
          c.get("caller"),
          c.req.valid("param").id,
          c.req.valid("json"),
        );
        return c.json(presentSection(saved), 200);
      } catch (error) {
        if (!isSectionConflict(error)) throw error;
        return c.json(
          {
            ...errorBody(error, c.get("caller").locale),
            code: "CONFLICT" as const,
            issues: error.issues,
            current: presentCurrent(error.current),
          },
          409,
        );
      }
    },
  );
}
