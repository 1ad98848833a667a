import { createRoute, z } from "@hono/zod-openapi";
import { levels, profileUpdateInput, tracks } from "../../../shared/profile.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, versionOutput } from "../../http/router.ts";
import { requireSignedIn } from "../../http/viewer.ts";
import { getMyProfile, updateMyProfile } from "./profile.service.ts";

const profileOutput = z
  .object({
    name: z.string(),
    headline: z.string(),
    level: z.enum(levels).nullable(),
    track: z.enum(tracks).nullable(),
    company: z.string(),
    timeZone: z.string().nullable(),
    version: versionOutput.openapi({ description: "0 until the profile's first save" }),
  })
  .openapi("Profile");

const meOutput = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(["member", "admin"]),
      emailVerified: z.boolean(),
      twoFactorEnabled: z.boolean(),
    }),
    profile: profileOutput,
  })
  .openapi("Me");

const getMe = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["Profile"],
  summary: "The signed-in person: account and profile",
  responses: { ...jsonResponse(meOutput, "The signed-in person"), ...errorResponses(401) },
});

const getProfile = createRoute({
  method: "get",
  path: "/api/profile",
  tags: ["Profile"],
  summary: "Read my profile",
  responses: { ...jsonResponse(profileOutput, "My profile"), ...errorResponses(401) },
});

const putProfile = createRoute({
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
