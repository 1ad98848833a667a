import type { TestContext } from "./harness.ts";

export type Route = { method: string; path: string };

/** Every route the app answers: its own Hono routes, plus the account routes better-auth serves under /api/auth. */
export async function enumerateRoutes(ctx: TestContext): Promise<Route[]> {
  const seen = new Map<string, Route>();
  const add = (method: string, path: string) => {
    const route = { method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ":$1") };
    seen.set(`${route.method} ${route.path}`, route);
  };
  for (const r of ctx.app.routes) {
    if (r.method === "ALL" || r.path.includes("*")) continue;
    add(r.method, r.path);
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
