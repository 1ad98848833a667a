import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/open.ts";
import type { Logger } from "../../logger.ts";
import { outbox } from "./outbox.table.ts";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export type Mailer = {
  send(message: MailMessage): Promise<void>;
  /**
   * Writes the messages to the outbox in one statement, on `db` or inside the caller's transaction, so
   * they are kept all together or not at all. Delivery starts when the returned function is called:
   * after that transaction has committed.
   */
  enqueue(messages: MailMessage[], db?: Db): Promise<() => void>;
  /** Waits until every delivery started so far has finished. */
  flush(): Promise<void>;
  close(): void;
};

// Every message is written to the outbox first, so nothing is lost when SMTP is missing or failing.
export function createMailer(deps: {
  db: Db;
  config: Pick<Config, "smtp" | "mailFrom">;
  logger: Logger;
}): Mailer {
  const { db, config, logger } = deps;
  const transport = config.smtp
    ? nodemailer.createTransport({
        host: config.smtp.host,
        port: config.smtp.port,
        secure: config.smtp.secure,
        auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.password } : undefined,
      })
    : undefined;
  const pending = new Set<Promise<void>>();

  async function deliver(id: string, message: MailMessage) {
    if (!transport) return;
    try {
      await transport.sendMail({ from: config.mailFrom, ...message });
      await db.update(outbox).set({ status: "sent", sentAt: new Date() }).where(eq(outbox.id, id));
    } catch (error) {
      logger.warn("mail delivery failed", { outboxId: id, reason: (error as Error).message });
      await db
        .update(outbox)
        .set({ status: "failed", error: (error as Error).message.slice(0, 500) })
        .where(eq(outbox.id, id))
        .catch(() => {});
    }
  }

  async function enqueue(messages: MailMessage[], on: Db = db) {
    const rows = messages.map((message) => ({
      id: randomUUID(),
      ...message,
      status: transport ? ("sending" as const) : ("kept" as const),
    }));
    if (rows.length > 0) await on.insert(outbox).values(rows);
    return () => {
      for (const { id, status: _status, ...message } of rows) {
        const delivery = deliver(id, message).finally(() => pending.delete(delivery));
        pending.add(delivery);
      }
    };
  }

  return {
    async send(message) {
      (await enqueue([message]))();
    },
    enqueue,
    async flush() {
      await Promise.all([...pending]);
    },
    close() {
      transport?.close();
    },
  };
}
