import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  BASE_URL: z.url().optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[0-9]|)$/,
      "TRUST_PROXY must be false, true (one proxy) or the number of proxies, 0 to 9",
    )
    .optional()
    .transform((v) => (v === "true" ? 1 : v === "false" || !v ? 0 : Number(v))),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(72),
  SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_SECURE: flag,
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(10),
  MAIL_FROM: z.string().default("Sidecar <no-reply@localhost>"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  INVITATION_EMAILS_PER_MEMBER_PER_DAY: z.coerce.number().int().min(0).default(100),
  INVITATION_EMAILS_PER_DAY: z.coerce.number().int().min(0).default(2000),
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(5),
  DB_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(15),
  MENTOR_PAUSE_AFTER_EXPIRED: z.coerce.number().int().min(0).max(100).default(3),
  MENTOR_PAUSE_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export type Config = {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  authSecret: string | undefined;
  /** How many reverse proxies stand in front of Sidecar, each appending to X-Forwarded-For. */
  trustedProxyHops: number;
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
  smtp:
    | {
        host: string;
        port: number;
        secure: boolean;
        user?: string;
        password?: string;
        timeoutSeconds: number;
      }
    | undefined;
  mailFrom: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  databaseTimeouts: DatabaseTimeouts;
  /** Feedback invitation emails allowed in any 24 hours, so the instance cannot be used as a mail relay. */
  invitationEmailLimits: { perMember: number; perInstance: number };
  /** A mentor is paused once this many requests to them expired unanswered within the window; 0 never. */
  mentorAutoPause: { expiredRequests: number; windowDays: number };
};

/** How long Sidecar waits on its database before answering 503 instead of hanging. */
export type DatabaseTimeouts = { connectMs: number; statementMs: number };

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Sidecar cannot start: the configuration is invalid.\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    authSecret: e.AUTH_SECRET,
    trustedProxyHops: e.TRUST_PROXY,
    sessionIdleSeconds: Math.round(e.SESSION_IDLE_HOURS * 3600),
    sessionMaxSeconds: Math.round(e.SESSION_MAX_DAYS * 86400),
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          user: e.SMTP_USER,
          password: e.SMTP_PASSWORD,
          timeoutSeconds: e.SMTP_TIMEOUT_SECONDS,
        }
      : undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    invitationEmailLimits: {
      perMember: e.INVITATION_EMAILS_PER_MEMBER_PER_DAY,
      perInstance: e.INVITATION_EMAILS_PER_DAY,
    },
    mentorAutoPause: {
      expiredRequests: e.MENTOR_PAUSE_AFTER_EXPIRED,
      windowDays: e.MENTOR_PAUSE_WINDOW_DAYS,
    },
    databaseTimeouts: {
      connectMs: Math.round(e.DB_CONNECT_TIMEOUT_SECONDS * 1000),
      statementMs: Math.round(e.DB_STATEMENT_TIMEOUT_SECONDS * 1000),
    },
  };
}
