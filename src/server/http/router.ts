import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Auth } from "../auth/auth.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/open.ts";
import type { JobRunner } from "../jobs/job-runner.ts";
import type { Logger } from "../logger.ts";
import type { Mailer } from "../modules/mail/mailer.ts";
import { validationError } from "./errors.ts";
import type { Viewer } from "./viewer.ts";

export type Deps = { db: Db; auth: Auth; mailer: Mailer; config: Config; logger: Logger; jobs: JobRunner };
export type AppEnv = { Variables: { viewer: Viewer | null; deps: Deps } };

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "VALIDATION" }),
      message: z.string().openapi({ example: "Enter your name" }),
      field: z.string().optional().openapi({ example: "name" }),
    }),
  })
  .openapi("Error");

export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 429)[]) {
  const descriptions = {
    400: "The input is not valid; `field` names the input at fault",
    401: "Not signed in",
    403: "Signed in, but not allowed",
    404: "Not found, or not yours",
    409: 'Conflicts with the current state. With `field: "version"`, the record was changed since the version sent was read (another tab, another device): read it again, then send the change with the new version',
    413: "The body is over 100 KB",
    429: "Too many requests; see Retry-After",
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s], content: { "application/json": { schema: errorSchema } } },
    ]),
  );
}

/** Every editable record answers with its version; a change sends it back (see docs/concurrency.md). */
export const versionOutput = z.number().int().openapi({
  description:
    'The record\'s version: 1 when first saved, one more on every change. Send it back with a change; if the record changed since, the answer is 409 with field "version"',
  example: 3,
});

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { "application/json": { schema } } } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { "application/json": { schema } } } };
}

/** The session cookie better-auth sets at sign-in; the OpenAPI document declares it as a security scheme. */
export const sessionCookieScheme = "sessionCookie";
export const signedInRoute = [{ [sessionCookieScheme]: [] }];
export const publicRoute: { [scheme: string]: string[] }[] = [];
