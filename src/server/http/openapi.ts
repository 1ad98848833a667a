import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "./router.ts";
import { sessionCookieScheme } from "./router.ts";

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
};
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

// better-auth's routes that answer without a session: signing up and in, and the links mailed out.
const publicAccountRoutes = new Set([
  "post /sign-up/email",
  "post /sign-in/email",
  "post /sign-out",
  "get /verify-email",
  "post /send-verification-email",
  "post /request-password-reset",
  "get /reset-password/{token}",
  "post /reset-password",
  "get /ok",
  "get /error",
  // The two-factor step runs between password and session, on its own short-lived cookie.
  "post /two-factor/verify-totp",
  "post /two-factor/verify-backup-code",
]);
const sessionOptional = new Set(["get /get-session", "post /get-session"]);

export async function buildOpenApiDocument(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const ours = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Sidecar API",
      version: "0.1.0",
      license: { name: "MIT", url: "https://opensource.org/license/mit" },
      description:
        "Everything the Sidecar pages do. Authenticate with the session cookie from /api/auth/sign-in/email; " +
        "send state-changing requests as JSON. Errors are { error: { code, message, field? } }.",
    },
    servers: [{ url: deps.config.baseUrl }],
  });
  const authDoc = (await deps.auth.api.generateOpenAPISchema()) as unknown as OpenApiDocument;
  const authPaths = Object.fromEntries(
    Object.entries(authDoc.paths).map(([path, item]) => [
      `/api/auth${path}`,
      Object.fromEntries(
        Object.entries(item).map(([method, op]) => [method, accountOperation(method, path, op)]),
      ),
    ]),
  );
  // better-auth describes its tables too; only the shapes its routes answer with belong in the document.
  const referenced = JSON.stringify(authPaths);
  const authSchemas = Object.entries(authDoc.components?.schemas ?? {}).filter(([name]) =>
    referenced.includes(`"#/components/schemas/${name}"`),
  );
  return {
    ...ours,
    paths: { ...ours.paths, ...authPaths },
    components: {
      ...ours.components,
      schemas: {
        ...(withoutNullable(Object.fromEntries(authSchemas)) as Record<string, unknown>),
        ...ours.components?.schemas,
      },
      securitySchemes: {
        [sessionCookieScheme]: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description:
            "Set by /api/auth/sign-in/email; HttpOnly. Over HTTPS its name carries the __Secure- prefix.",
        },
      },
    },
  };
}

function accountOperation(method: string, path: string, op: Operation): Operation {
  const key = `${method} ${path}`;
  const security: Record<string, string[]>[] = publicAccountRoutes.has(key)
    ? []
    : sessionOptional.has(key)
      ? [{}, { [sessionCookieScheme]: [] }]
      : [{ [sessionCookieScheme]: [] }];
  return {
    ...(withoutNullable(op) as Operation),
    operationId: op.operationId ?? operationIdFrom(method, path),
    summary: op.summary ?? firstSentence(op.description) ?? key,
    tags: ["Accounts"],
    security,
  };
}

function operationIdFrom(method: string, path: string): string {
  const words = path
    .replace(/\{(\w+)\}/g, "by-$1")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join("");
  return method === "get" || method === "post"
    ? camel
    : `${method}${camel[0]?.toUpperCase()}${camel.slice(1)}`;
}

function firstSentence(text: string | undefined): string | undefined {
  const sentence = text?.split(/\.\s|\.$/)[0]?.trim();
  return sentence || undefined;
}

// better-auth writes OpenAPI 3.0's `nullable`; 3.1 says the same with a "null" type.
function withoutNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullable);
  if (!value || typeof value !== "object") return value;
  const { nullable, ...rest } = value as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withoutNullable(v)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === "string") return { ...converted, type: [converted.type, "null"] };
  if (Array.isArray(converted.type)) return { ...converted, type: [...new Set([...converted.type, "null"])] };
  return { anyOf: [converted, { type: "null" }] };
}
