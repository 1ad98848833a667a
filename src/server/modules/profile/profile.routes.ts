import { createRoute } from "@hono/zod-openapi";
import { meOutput, profileOutput, profileUpdateInput } from "../../../shared/profile.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import { requireSignedIn } from "../../http/viewer.ts";
import { getMyProfile, updateMyProfile } from "./profile.service.ts";

const getMe = createRoute({
  operationId: "getMe",
  security: signedInRoute,
  method: "get",
  path: "/api/me",
  tags: ["Profile"],
  summary: "The signed-in person: account and profile",
  responses: { ...jsonResponse(meOutput, "The signed-in person"), ...errorResponses(401) },
});

const getProfile = createRoute({
  operationId: "getProfile",
  security: signedInRoute,
  method: "get",
  path: "/api/profile",
  tags: ["Profile"],
  summary: "Read my profile",
  responses: { ...jsonResponse(profileOutput, "My profile"), ...errorResponses(401) },
});

const putProfile = createRoute({
  operationId: "updateProfile",
  security: signedInRoute,
  method: "put",
  path: "/api/profile",
  tags: ["Profile"],
  summary: "Update my profile",
  request: jsonBody(profileUpdateInput),
  responses: { ...jsonResponse(profileOutput, "The saved profile"), ...errorResponses(400, 401, 409) },
});

export function profileRoutes() {
  return createRouter()
    .openapi(getMe, async (c) => {
      const viewer = requireSignedIn(c.var.viewer);
      const profile = await getMyProfile(c.var.deps.db, viewer);
      return c.json(
        {
          user: {
            id: viewer.userId,
            email: viewer.email,
            name: profile.name,
            role: viewer.role,
            emailVerified: viewer.emailVerified,
            twoFactorEnabled: viewer.twoFactorEnabled,
          },
          profile,
        },
        200,
      );
    })
    .openapi(getProfile, async (c) => c.json(await getMyProfile(c.var.deps.db, c.var.viewer), 200))
    .openapi(putProfile, async (c) =>
      c.json(await updateMyProfile(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    );
}
