import { createRoute } from "@hono/zod-openapi";
import { instanceStatusOutput } from "../../../shared/instance.ts";
import { createRouter, jsonResponse, publicRoute } from "../../http/router.ts";
import { describeInstance } from "./instance.service.ts";

const getStatus = createRoute({
  operationId: "getInstanceStatus",
  security: publicRoute,
  method: "get",
  path: "/api/instance",
  tags: ["Instance"],
  summary: "Whether this server can send email (no account needed)",
  responses: { ...jsonResponse(instanceStatusOutput, "What a newcomer needs to know about this server") },
});

export function instanceRoutes() {
  return createRouter().openapi(getStatus, (c) => c.json(describeInstance(c.var.deps.config), 200));
}
