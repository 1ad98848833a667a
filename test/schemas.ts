import { z } from "zod";
import type { TestContext } from "./harness.ts";

type AnySchema = z.ZodType;
export type RouteSchemas = { body?: AnySchema; params?: AnySchema; response?: AnySchema };

type RegisteredRoute = {
  type: string;
  route?: {
    method: string;
    path: string;
    request?: {
      params?: AnySchema;
      body?: { content?: Record<string, { schema?: AnySchema }> };
    };
    responses?: Record<string, { content?: Record<string, { schema?: AnySchema }> }>;
  };
};

/** Each documented route's zod schemas, keyed "METHOD /api/path/:param", read from the app's own registry. */
export function routeSchemas(ctx: TestContext): Map<string, RouteSchemas> {
  const registry = (ctx.app as unknown as { openAPIRegistry: { definitions: RegisteredRoute[] } })
    .openAPIRegistry;
  const schemas = new Map<string, RouteSchemas>();
  for (const definition of registry.definitions) {
    const route = definition.route;
    if (definition.type !== "route" || !route) continue;
    const key = `${route.method.toUpperCase()} ${route.path.replace(/\{(\w+)\}/g, ":$1")}`;
    const success = Object.entries(route.responses ?? {}).find(([status]) => status.startsWith("2"))?.[1];
    schemas.set(key, {
      body: route.request?.body?.content?.["application/json"]?.schema,
      params: route.request?.params,
      response: success?.content?.["application/json"]?.schema,
    });
  }
  return schemas;
}

/**
 * The same schema with every object, however deeply nested, refusing keys it does not declare: a field
 * a presenter lets out by mistake fails validation instead of passing silently.
 */
export function strictDeep(schema: AnySchema): AnySchema {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, AnySchema>;
      return z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, strictDeep(v)])));
    }
    case "array":
      return z.array(strictDeep(def.element as AnySchema));
    case "nullable":
      return strictDeep(def.innerType as AnySchema).nullable();
    case "optional":
      return strictDeep(def.innerType as AnySchema).optional();
    case "default":
    case "prefault":
    case "readonly":
      return strictDeep(def.innerType as AnySchema);
    case "union":
      return z.union((def.options as AnySchema[]).map(strictDeep) as [AnySchema, AnySchema]);
    case "tuple":
      return z.tuple((def.items as AnySchema[]).map(strictDeep) as [AnySchema]);
    case "record":
      return z.record(def.keyType as z.ZodString, strictDeep(def.valueType as AnySchema));
    case "pipe":
      return strictDeep(def.out as AnySchema);
    case "lazy":
      return z.lazy(() => strictDeep((def.getter as () => AnySchema)()));
    default:
      return schema;
  }
}

/** Why a body does not fit the schema, in a line a failing test can show; undefined when it fits. */
export function misfit(schema: AnySchema, body: unknown): string | undefined {
  const result = strictDeep(schema).safeParse(body);
  if (result.success) return undefined;
  return result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
}
