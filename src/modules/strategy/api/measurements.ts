import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { measurementInput, measurementPatch } from "../inputs.ts";
import { measurementSchema, presentMeasurement } from "../presenters.ts";
import { tags } from "./strategies.ts";

/** An indicator's measurements: staff, or the goal's responsible working group. */
export function registerMeasurementRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies/indicators/{id}/measurements",
      tags,
      summary:
        "Enter a measurement: a day within the strategy's period, one per indicator and day (staff, the responsible group)",
      request: { params: idParam, body: jsonBody(measurementInput) },
      responses: { 201: jsonResponse(measurementSchema, "The new measurement"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentMeasurement(
          await apiServices(c).strategies.createMeasurement(
            c.get("caller"),
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/strategies/measurements/{id}",
      tags,
      summary: "Correct a measurement (staff, the responsible group)",
      request: { params: idParam, body: jsonBody(measurementPatch) },
      responses: {
        200: jsonResponse(measurementSchema, "The measurement as saved"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) =>
      c.json(
        presentMeasurement(
          await apiServices(c).strategies.updateMeasurement(
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
      path: "/strategies/measurements/{id}",
      tags,
      summary: "Delete a measurement (staff, the responsible group)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => {
      await apiServices(c).strategies.deleteMeasurement(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
