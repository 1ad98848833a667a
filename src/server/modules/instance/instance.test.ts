import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { cookieFrom, mailTo, signIn, uniqueEmail } from "../../../../test/factories.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";
import { instanceStatusOutput } from "../../../shared/instance.ts";
import { users } from "../../auth/auth.table.ts";
import { describeMailSetup } from "./instance.service.ts";

const password = "a walk along the harbour";
let ctx: TestContext;
const opened: TestContext[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

async function open(...args: Parameters<typeof createTestContext>) {
  const context = await createTestContext(...args);
  opened.push(context);
  return context;
}

function signUp(context: TestContext, email: string, ip: string) {
  return context.request("/api/auth/sign-up/email", {
    body: { name: "Robin Newcomer", email, password },
    ip,
  });
}

async function roles(context: TestContext) {
  return context.db
    .select({ email: users.email, role: users.role, emailVerified: users.emailVerified })
    .from(users);
}

describe("the first account on a fresh instance", () => {
  it("becomes the instance administrator, confirmed at once, with no confirmation mail", async () => {
    ctx = await open({}, { freshInstance: true });
    const email = uniqueEmail("first");
    const response = await signUp(ctx, email, "198.51.100.1");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toMatchObject({ email, role: "admin", emailVerified: true });
    expect(await mailTo(ctx, email)).toEqual([]);

    const { response: signedIn, cookie } = await signIn(ctx, email, password, "198.51.100.1");
    expect(signedIn.status).toBe(200);
    const me = await (await ctx.request("/api/me", { cookie })).json();
    expect(me.user.role).toBe("admin");
    expect(ctx.logs.join("\n")).toContain("the first account was created: it is the instance administrator");
  });

  it("is the only one: the next account is a member who waits for the administrator's one click", async () => {
    ctx = await open({}, { freshInstance: true });
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await signUp(ctx, first, "198.51.100.1");
    const response = await signUp(ctx, second, "198.51.100.2");
    expect((await response.json()).user).toMatchObject({ role: "member", emailVerified: false });
    // Without SMTP the confirmation is kept in the outbox, and signing in waits for confirmation.
    expect((await mailTo(ctx, second)).map((m) => m.status)).toEqual(["kept"]);
    expect((await signIn(ctx, second, password, "198.51.100.2")).response.status).toBe(403);

    const admin = cookieFrom((await signIn(ctx, first, password, "198.51.100.1")).response);
    const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, second));
    const confirmed = await ctx.request(`/api/admin/users/${row?.id}/confirm-email`, {
      method: "POST",
      cookie: admin,
    });
    expect(confirmed.status).toBe(200);
    expect((await signIn(ctx, second, password, "198.51.100.2")).response.status).toBe(200);
  });

  it("is never claimed on an instance that already has accounts", async () => {
    ctx = await open();
    await signUp(ctx, uniqueEmail("later"), "198.51.100.3");
    expect((await roles(ctx)).map((u) => u.role)).toEqual(["member"]);
  });

  it("goes to exactly one of several sign-ups racing on a fresh instance", async () => {
    ctx = await open({}, { freshInstance: true });
    const emails = Array.from({ length: 6 }, (_, i) => uniqueEmail(`racer${i}`));
    const answers = await Promise.all(emails.map((email, i) => signUp(ctx, email, `198.51.100.${10 + i}`)));
    expect(answers.map((a) => a.status)).toEqual(emails.map(() => 200));
    const rows = await roles(ctx);
    expect(rows).toHaveLength(emails.length);
    const admins = rows.filter((u) => u.role === "admin");
    expect(admins).toHaveLength(1);
    expect(rows.filter((u) => u.emailVerified).map((u) => u.email)).toEqual(admins.map((u) => u.email));
  });
});

describe("what a signed-out page learns about the server", () => {
  it("says mail is not configured without SMTP settings", async () => {
    ctx = await open();
    const response = await ctx.request("/api/instance");
    expect(response.status).toBe(200);
    expect(instanceStatusOutput.parse(await response.json())).toEqual({ mailConfigured: false });
  });

  it("says mail is configured with an SMTP host, and nothing about it", async () => {
    ctx = await open({ SMTP_HOST: "smtp.internal.example", SMTP_PASSWORD: "hunter22" });
    const text = await (await ctx.request("/api/instance")).text();
    expect(JSON.parse(text)).toEqual({ mailConfigured: true });
    expect(text).not.toContain("smtp.internal");
  });

  it("the start-up line tells whoever runs the server whether mail is configured", () => {
    expect(describeMailSetup({ smtp: undefined })).toMatch(/Mail is not configured.*Admin → Users/);
    expect(
      describeMailSetup({
        smtp: { host: "smtp.example", port: 587, secure: false, timeoutSeconds: 10 },
      }),
    ).toBe("Mail is sent through the SMTP server smtp.example:587.");
  });
});
