import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { users } from "../src/server/auth/auth.table.ts";
import { outbox } from "../src/server/modules/mail/outbox.table.ts";
import type { TestContext } from "./harness.ts";

export const defaultPassword = "correct horse battery staple";

export type BuiltUser = {
  id: string;
  email: string;
  name: string;
  password: string;
  cookie: string;
};

let sequence = 0;

function uniqueAddress(): string {
  return `100.64.${(sequence >> 8) & 255}.${sequence & 255}`;
}

export function uniqueEmail(label = "member"): string {
  sequence += 1;
  return `${label}-${sequence}-${randomBytes(3).toString("hex")}@example.test`;
}

export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => c && !c.endsWith("="))
    .join("; ");
}

export async function signIn(ctx: TestContext, email: string, password: string, ip?: string) {
  const response = await ctx.request("/api/auth/sign-in/email", { body: { email, password }, ip });
  return { response, cookie: cookieFrom(response) };
}

/** A member who signed up through the real sign-up route, confirmed their email and signed in. */
export async function buildUser(
  ctx: TestContext,
  overrides: {
    name?: string;
    email?: string;
    password?: string;
    role?: "member" | "admin";
    verified?: boolean;
  } = {},
): Promise<BuiltUser> {
  const name = overrides.name ?? "Morgan Example";
  const email = overrides.email ?? uniqueEmail(overrides.role ?? "member");
  const password = overrides.password ?? defaultPassword;
  // Each person signs up from their own address, as they would, so sign-up rate limits don't interfere.
  const ip = uniqueAddress();
  const signUp = await ctx.request("/api/auth/sign-up/email", { body: { name, email, password }, ip });
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error("sign-up created no user");
  await ctx.db
    .update(users)
    .set({ emailVerified: overrides.verified ?? true, role: overrides.role ?? "member" })
    .where(eq(users.id, row.id));
  let cookie = "";
  if (overrides.verified ?? true) {
    const { response, cookie: c } = await signIn(ctx, email, password, ip);
    if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    cookie = c;
  }
  return { id: row.id, email, name, password, cookie };
}

export async function mailTo(ctx: TestContext, to: string) {
  await ctx.jobs.runDueJobs();
  const rows = await ctx.db.select().from(outbox).where(eq(outbox.to, to));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+/g);
  const link = match?.find((l) => l.includes("token") || l.includes("reset-password"));
  if (!link) throw new Error(`no link in: ${text}`);
  return link;
}
