import { z } from "@hono/zod-openapi";

export const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});

export const tokenParam = z.object({
  token: z.string().max(200, "This feedback link is not valid. Check that you copied all of it."),
});

export const questionKeyParam = idParam.extend({
  questionKey: z.string().regex(/^(q[1-9]|[a-z]{1,20})$/, "There is no such question"),
});
