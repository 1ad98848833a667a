import { z } from "zod";
import { instantOutput } from "./calendar-date-schema.ts";
import { plainText } from "./text.ts";

export const adminPageQuery = z.object({
  page: z.coerce.number({ error: "page must be a whole number" }).int().min(1).max(100_000).default(1),
});
export const adminUserSearchQuery = adminPageQuery.extend({
  q: plainText().max(200, "Keep the search under 200 characters").default(""),
});

export const adminUserOutput = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["member", "admin"]),
    emailVerified: z.boolean(),
    disabled: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: instantOutput,
  })
  .meta({ id: "AdminUser" });
export type AdminUser = z.infer<typeof adminUserOutput>;

export const outboxSummaryOutput = z
  .object({
    id: z.string(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(["kept", "queued", "sending", "sent", "failed"]),
    createdAt: instantOutput,
    bodyRemovedAt: instantOutput
      .nullable()
      .meta({ description: "Set once delivered: the body, with any one-time link, is no longer stored" }),
  })
  .meta({ id: "OutboxSummary" });
export type OutboxSummary = z.infer<typeof outboxSummaryOutput>;

export const outboxMessageOutput = outboxSummaryOutput
  .extend({
    text: z.string(),
    html: z.string().nullable(),
    error: z.string().nullable(),
    sentAt: instantOutput.nullable(),
  })
  .meta({ id: "OutboxMessage" });
export type OutboxMessage = z.infer<typeof outboxMessageOutput>;

const paged = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };
export const adminUserPageOutput = z.object({ users: z.array(adminUserOutput), ...paged });
export const adminUserChangedOutput = z.object({ user: adminUserOutput });
export const outboxPageOutput = z.object({ messages: z.array(outboxSummaryOutput), ...paged });
export const outboxMessageReadOutput = z.object({ message: outboxMessageOutput });
