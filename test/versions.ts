import type { RequestOptions, TestContext } from "./harness.ts";

type Json = Record<string, unknown> & { version?: number };
type Finder = {
  read: (path: string[]) => string;
  version: (body: Json, path: string[]) => number | undefined;
};

const byVersion = (body: Json) => body.version;

// Where each change reads the version it sends back: the record's own GET, as a page loads it.
const finders: [RegExp, Finder][] = [
  [/^\/api\/profile$/, { read: () => "/api/profile", version: byVersion }],
  [/^\/api\/plan(\/act-three|\/north-star\/reached)?$/, { read: () => "/api/plan", version: byVersion }],
  [/^\/api\/tours\/(order|[^/]+\/move)$/, { read: () => "/api/tours", version: byVersion }],
  [
    /^\/api\/tours\/([^/]+)\/milestones\/([^/]+)$/,
    {
      read: ([id]) => `/api/tours/${id}`,
      version: (body, [, milestoneId]) =>
        (body.milestones as { id: string; version: number }[] | undefined)?.find((m) => m.id === milestoneId)
          ?.version,
    },
  ],
  [/^\/api\/tours\/([^/]+)(\/end-early)?$/, { read: ([id]) => `/api/tours/${id}`, version: byVersion }],
  [/^\/api\/decisions\/([^/]+)(\/revisit)?$/, { read: ([id]) => `/api/decisions/${id}`, version: byVersion }],
  [
    /^\/api\/portfolio\/roles\/([^/]+)$/,
    { read: ([id]) => `/api/portfolio/roles/${id}`, version: byVersion },
  ],
  [/^\/api\/story\/entries\/([^/]+)$/, { read: ([id]) => `/api/story/entries/${id}`, version: byVersion }],
  [/^\/api\/health-checks\/([^/]+)$/, { read: ([id]) => `/api/health-checks/${id}`, version: byVersion }],
  [/^\/api\/story\/press-release$/, { read: () => "/api/story/press-release", version: byVersion }],
  [
    /^\/api\/story\/thought-leadership\/([^/]+)$/,
    {
      read: () => "/api/story/thought-leadership",
      version: (body, [id]) =>
        (body.items as { id: string; version: number }[] | undefined)?.find((item) => item.id === id)
          ?.version,
    },
  ],
  [
    /^\/api\/story\/thought-leadership-cadence$/,
    { read: () => "/api/story/thought-leadership", version: (body) => body.cadenceVersion as number },
  ],
  [/^\/api\/communities\/([^/]+)$/, { read: ([id]) => `/api/communities/${id}`, version: byVersion }],
  [
    /^\/api\/posts\/([^/]+)$/,
    { read: ([id]) => `/api/threads/${id}`, version: (body) => (body.post as Json | undefined)?.version },
  ],
  [/^\/api\/mentors\/me$/, { read: () => "/api/mentors/me", version: byVersion }],
  [/^\/api\/programs\/([^/]+)$/, { read: ([id]) => `/api/programs/${id}`, version: byVersion }],
  [/^\/api\/cohorts\/([^/]+)\/settings$/, { read: ([id]) => `/api/cohorts/${id}`, version: byVersion }],
  [
    /^\/api\/mentoring-log\/([^/]+)$/,
    {
      read: () => "/api/mentoring-log",
      version: (body, [id]) =>
        (body.entries as { id: string; version: number }[] | undefined)?.find((e) => e.id === id)?.version,
    },
  ],
  [
    /^\/api\/notifications\/preferences$/,
    { read: () => "/api/notifications/preferences", version: byVersion },
  ],
  [/^\/api\/feedback\/superpowers$/, { read: () => "/api/feedback/superpowers", version: byVersion }],
  [
    /^\/api\/feedback\/requests\/([^/]+)$/,
    { read: ([id]) => `/api/feedback/requests/${id}`, version: byVersion },
  ],
  [
    /^\/api\/feedback\/requests\/([^/]+)\/reflections\/([^/]+)$/,
    {
      read: ([id]) => `/api/feedback/requests/${id}/results`,
      version: (body, [, key]) => {
        const items = [...((body.questions as Json[]) ?? []), ...((body.lanes as Json[]) ?? [])];
        return items.find((item) => item.key === key || item.lane === key)?.version;
      },
    },
  ],
  [
    /^\/api\/target-role\/checks\/([^/]+)$/,
    {
      read: () => "/api/target-role",
      version: (body, [itemId]) =>
        ((body.hurdles as { checks: { id: string; version: number }[] }[]) ?? [])
          .flatMap((hurdle) => hurdle.checks)
          .find((check) => check.id === itemId)?.version ?? 0,
    },
  ],
];

/**
 * For tests of something other than versions: a change without a `version` is sent with the version
 * the same person reads just before, as a page does. Where they cannot read the record (someone
 * else's), it goes with version 1, so the answer under test is about access, not the version.
 */
export async function requestAtCurrentVersion(ctx: TestContext, path: string, options: RequestOptions = {}) {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const body = options.body;
  const writes = method === "PUT" || method === "PATCH" || method === "POST";
  if (!writes || typeof body !== "object" || body === null || Array.isArray(body) || "version" in body) {
    return ctx.request(path, options);
  }
  const pathname = path.split("?")[0] ?? path;
  const found = finders.find(([pattern]) => pattern.test(pathname));
  if (!found) return ctx.request(path, options);
  const [pattern, finder] = found;
  const parts = (pathname.match(pattern) ?? []).slice(1);
  const read = await ctx.request(finder.read(parts), { cookie: options.cookie });
  const version = read.ok ? (finder.version((await read.json()) as Json, parts) ?? 1) : 1;
  return ctx.request(path, { ...options, body: { ...body, version } });
}
