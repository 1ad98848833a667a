import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "./factories.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { concretePath, enumerateRoutes, type Route } from "./routes.ts";

let ctx: TestContext;
let routes: Route[];
let cookies: (string | undefined)[];

beforeAll(async () => {
  ctx = await createTestContext({ LOG_LEVEL: "error" });
  routes = (await enumerateRoutes(ctx)).filter(
    (r) =>
      ![
        "/api/auth/sign-out",
        "/api/auth/revoke-sessions",
        "/api/auth/revoke-other-sessions",
        "/api/auth/delete-user",
      ].includes(r.path),
  );
  const member = await buildUser(ctx);
  const admin = await buildUser(ctx, { role: "admin" });
  cookies = [undefined, member.cookie, admin.cookie];
});
afterAll(() => ctx.close());

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "'; drop table users; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\u0000",
    "𝕊𝕚𝕕𝕖𝕔𝕒𝕣",
    "half a pair \ud800",
    "\udc00 alone",
    "%00",
    "x".repeat(5000),
    "__proto__",
    "constructor",
    "Europe/Berlin",
    "UTC",
    "senior_pm",
  ),
);
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.string(),
        fc.constantFrom("name", "email", "password", "timeZone", "level", "__proto__", "code"),
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

// A lone surrogate has no UTF-8 form, so encodeURIComponent refuses it; a client can still send its
// bytes (WTF-8), which are malformed UTF-8 the server must answer calmly.
function urlPart(value: string): string {
  return value
    .split(/(\p{Cs})/u)
    .map((part) => {
      if (!/^\p{Cs}$/u.test(part)) return encodeURIComponent(part);
      const unit = part.charCodeAt(0);
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      return bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join("");
    })
    .join("");
}

describe("fuzzing every route with random and hostile JSON", () => {
  it("never answers with a server error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(2),
        fc.oneof(
          hostileJson.map((v) => JSON.stringify(v)),
          fc.string(),
        ),
        hostileString,
        async (routeIndex, who, body, param) => {
          const route = routes[routeIndex % routes.length] as Route;
          const path = concretePath(route.path, {
            id: urlPart(param),
            token: urlPart(param),
          });
          const query = route.method === "GET" ? `?q=${urlPart(param)}&page=${urlPart(param)}` : "";
          const response = await ctx.request(`${path}${query}`, {
            method: route.method,
            body: route.method === "GET" ? undefined : body,
            cookie: cookies[who],
            ip: `100.100.${routeIndex % 250}.${who}`,
          });
          expect(response.status, `${route.method} ${path} -> ${response.status}`).toBeLessThan(500);
        },
      ),
      { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 20261121) },
    );
  });
});
