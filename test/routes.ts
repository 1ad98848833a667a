import type { TestContext } from "./harness.ts";

export type Route = { method: string; path: string; wildcard?: boolean };

/**
 * Every route the app answers: its own Hono routes, the account routes better-auth serves under
 * /api/auth, and the catch-alls (registered with `all` or a `*`), marked `wildcard`.
 */
export async function enumerateRoutes(ctx: TestContext): Promise<Route[]> {
  const seen = new Map<string, Route>();
  const add = (method: string, path: string, wildcard = false) => {
    const route: Route = { method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ":$1") };
    if (wildcard) route.wildcard = true;
    seen.set(`${route.method} ${route.path}`, route);
  };
  for (const r of ctx.app.routes) {
    add(r.method, r.path, r.method === "ALL" || r.path.includes("*"));
  }
  const doc = (await (await ctx.request("/api/openapi.json")).json()) as { paths: Record<string, object> };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) add(method, path);
  }
  return [...seen.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

export function concretePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? "unknown-id");
}
