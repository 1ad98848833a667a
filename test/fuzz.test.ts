import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addDays, isoDay } from "../src/shared/calendar-date.ts";
import { buildUser } from "./factories.ts";
import { copyLinks, createFeedbackRequest } from "./feedback.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { concretePath, enumerateRoutes, type Route } from "./routes.ts";
import { misfit, type RouteSchemas, routeSchemas } from "./schemas.ts";

// A new seed each run, printed so a failure can be replayed: FUZZ_SEED=<seed> npx vitest run test/fuzz.test.ts
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

let ctx: TestContext;
let routes: Route[];
let schemas: Map<string, RouteSchemas>;
let cookies: (string | undefined)[];
// Ids of real records: the fuzzing member's own, and another member's, so every id-taking route meets
// both a record it should answer about and one it must answer 404 for.
let knownIds: string[];

beforeAll(async () => {
  console.log(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
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
  schemas = routeSchemas(ctx);
  const member = await buildUser(ctx);
  const other = await buildUser(ctx);
  const admin = await buildUser(ctx, { role: "admin" });
  cookies = [undefined, member.cookie, admin.cookie];
  knownIds = [...(await recordsOf(member.cookie)), ...(await recordsOf(other.cookie))];
});
afterAll(() => ctx.close());

async function recordsOf(cookie: string): Promise<string[]> {
  const post = async (path: string, body: unknown) =>
    (await ctx.request(path, { body, cookie })).json() as Promise<Record<string, unknown>>;
  const today = isoDay();
  const tour = await post("/api/tours", {
    title: "Fuzz tour",
    mission: "Be fuzzed",
    startsOn: addDays(today, -30),
    endsOn: addDays(today, 330),
  });
  const withMilestone = await post(`/api/tours/${tour.id}/milestones`, { title: "M", dueOn: today });
  const decision = await post("/api/decisions", {
    dilemma: "Stay or go?",
    options: [{ label: "Stay" }, { label: "Go" }],
    decision: "Stay",
    decidedOn: today,
  });
  const role = await post("/api/portfolio/roles", {
    company: "Fuzz Co",
    title: "PM",
    startsOn: "2020-01-01",
    stage: "pre_pmf",
    market: "consumer",
    vantage: "inside",
    work: ["feature"],
    peopleManaged: 0,
  });
  const assessment = await post("/api/lanes/assessments", {
    ratings: { crafting: 3, market: 2, organizational: 3, domain: 1, team: 2, growth: 4 },
  });
  const request = await createFeedbackRequest(ctx, cookie);
  const [token] = await copyLinks(ctx, cookie, request.id, 1);
  const milestones = withMilestone.milestones as { id: string }[];
  return [tour, decision, role, assessment, request]
    .map((r) => String(r.id))
    .concat(
      milestones.map((m) => m.id),
      [token as string],
    );
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "'; drop table users; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\u0000",
    "𝕊𝕚𝕕𝕖𝕔𝕒𝕣",
    "مرحبا بالعالم",
    "e\u0301\u200b\u202e",
    "half a pair \ud800",
    "\udc00 alone",
    "%00",
    "x".repeat(5000),
    "__proto__",
    "constructor",
    "Europe/Berlin",
    "UTC",
    "senior_pm",
    "2026-01-15",
    "2026-02-30",
    "1899-12-31",
    "2199-12-31",
    "someone@example.test",
    "q1",
    "apm.own-an-area.shipped-alone",
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

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/**
 * Values of the schema's JSON shape (every key and type right) whose contents are hostile: text of
 * every kind and length, numbers at and past their bounds, long lists. Refinements the JSON shape
 * cannot express (real dates, distinct items) are left for the server to refuse with a 400.
 */
function valuesOf(schema: JsonSchema, root: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop() as string;
    return valuesOf(root.$defs?.[name] ?? {}, root, depth + 1);
  }
  if (depth > 6) return fc.constant(null);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((o) => valuesOf(o, root, depth + 1)));
  if (schema.allOf?.[0]) return valuesOf(schema.allOf[0], root, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => valuesOf({ ...schema, type }, root, depth + 1)));
  }
  switch (schema.type) {
    case "string":
      return hostileString;
    case "integer":
    case "number": {
      const edges = [schema.minimum, schema.maximum]
        .filter((n): n is number => n !== undefined)
        .flatMap((n) => [n, n - 1, n + 1]);
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }),
        fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, ...edges),
        schema.type === "number" ? fc.double({ noNaN: true, noDefaultInfinity: true }) : fc.constant(1.5),
      );
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => valuesOf(s, root, depth + 1)));
      return fc.array(valuesOf(schema.items ?? {}, root, depth + 1), {
        maxLength: Math.min((schema.maxItems ?? 6) + 1, 60),
      });
    case "object": {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [
          key,
          valuesOf(value, root, depth + 1),
        ]),
      );
      const fixed = fc.record(properties, { requiredKeys: schema.required ?? [] });
      if (typeof schema.additionalProperties !== "object") return fixed;
      const keys = schema.propertyNames ? valuesOf(schema.propertyNames, root, depth + 1) : hostileString;
      const extra = fc.dictionary(
        keys.map((k) => String(k)),
        valuesOf(schema.additionalProperties, root, depth + 1),
        { maxKeys: 6 },
      );
      return fc.tuple(fixed, extra).map(([a, b]) => ({ ...b, ...a }));
    }
    default:
      return hostileJson;
  }
}

function bodiesFor(route: Route): fc.Arbitrary<string> {
  const body = schemas.get(`${route.method} ${route.path}`)?.body;
  const random = fc.oneof(
    hostileJson.map((v) => JSON.stringify(v)),
    fc.string(),
  );
  if (!body) return random;
  const shape = z.toJSONSchema(body, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return fc.oneof(
    { weight: 4, arbitrary: valuesOf(shape, shape).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: random },
  );
}

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

const paramValue = () =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...knownIds) },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 300 }) },
  );

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const stackTrace = /\n\s+at .+[:(]\d+|\.(ts|js):\d+:\d+|node_modules|Error: .*\n/;

function requestsFor(route: Route) {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  return fc.record({
    route: fc.constant(route),
    method: route.method === "ALL" ? fc.constantFrom(...methods) : fc.constant(route.method),
    params: fc
      .tuple(...names.map(() => paramValue()))
      .map((values) => Object.fromEntries(names.map((name, i) => [name, urlPart(values[i] as string)]))),
    rest: hostileString.map(urlPart),
    body: bodiesFor(route),
    who: fc.nat(2),
  });
}

describe("fuzzing every route with bodies of the right shape and hostile contents", () => {
  it("never answers with a server error or a stack trace, and every 2xx fits its schema", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(...routes.map(requestsFor)),
        async ({ route, method, params, rest, body, who }) => {
          const path = concretePath(route.path, params).replace("*", rest);
          const query = method === "GET" ? `?q=${rest}&page=${rest}` : "";
          const response = await ctx.request(`${path}${query}`, {
            method,
            body: method === "GET" ? undefined : body,
            cookie: cookies[who],
            ip: `100.100.${Math.floor(Math.random() * 250)}.${who}`,
          });
          const text = await response.text();
          const what = `${method} ${path.slice(0, 200)} -> ${response.status}`;
          expect(response.status, what).toBeLessThan(500);
          expect(stackTrace.test(text), `${what}: ${text.slice(0, 300)}`).toBe(false);
          const schema = schemas.get(`${route.method} ${route.path}`)?.response;
          if (schema && response.status >= 200 && response.status < 300) {
            expect(
              misfit(schema, JSON.parse(text)),
              `${what}: the answer does not fit its schema`,
            ).toBeUndefined();
          }
        },
      ),
      { numRuns: 400, seed },
    );
  }, 600_000);
});
