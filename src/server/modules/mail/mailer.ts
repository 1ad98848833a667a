import { and, eq, gt, inArray, ne, notExists, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Config } from "../../config.ts";
import { newId } from "../../db/new-id.ts";
import type { Db } from "../../db/open.ts";
import { enqueueJob, enqueueJobs } from "../../jobs/enqueue-job.ts";
import { redactError } from "../../jobs/job-runner.ts";
import { jobs } from "../../jobs/jobs.table.ts";
import type { Logger } from "../../logger.ts";
import { type MailAttachment, type MailKind, outbox } from "./outbox.table.ts";

export type MailMessage = {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** The community the message is about, if any (see `withdrawCommunityMail`). */
  communityId?: string | null;
};

export const deliverMailJob = "mail.deliver";

export type Mailer = {
  send(message: MailMessage): Promise<void>;
  /**
   * Writes the messages to the outbox, with a delivery job for each, on `db` or inside the caller's
   * transaction, so they are kept all together or not at all. Delivery may start before the returned
   * function is called, but only once the transaction has committed; calling it starts it at once.
   */
  enqueue(messages: MailMessage[], db?: Db): Promise<() => void>;
  /** Sends one outbox message over SMTP, for its delivery job; throws to have the job retried. */
  deliver(outboxId: string): Promise<void>;
  /** Queues delivery again for every message kept, failed or stuck without a live job. */
  requeueUndelivered(options?: { createdAfter?: Date }): Promise<number>;
  /** Runs every delivery (and any other job) that is due, and waits for them. */
  flush(): Promise<void>;
  close(): void;
};

// Every message is written to the outbox first, so nothing is lost when SMTP is missing or failing.
export function createMailer(deps: {
  db: Db;
  config: Pick<Config, "smtp" | "mailFrom">;
  logger: Logger;
  jobs: { wake(): void; runDueJobs(): Promise<number> };
}): Mailer {
  const { db, config, logger } = deps;
  const timeout = (config.smtp?.timeoutSeconds ?? 10) * 1000;
  const transport = config.smtp
    ? nodemailer.createTransport({
        host: config.smtp.host,
        port: config.smtp.port,
        secure: config.smtp.secure,
        auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.password } : undefined,
        // nodemailer waits up to ten minutes on a silent server by default, which would hold shutdown.
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      })
    : undefined;

  async function enqueue(messages: MailMessage[], on: Db = db) {
    const rows = messages.map((message) => ({
      id: newId(),
      ...message,
      status: transport ? ("queued" as const) : ("kept" as const),
    }));
    if (rows.length > 0) {
      // A savepoint inside the caller's transaction, or a transaction of its own: a message is never
      // kept without its delivery job.
      await on.transaction(async (tx) => {
        await tx.insert(outbox).values(rows);
        if (transport) {
          await enqueueJobs(
            tx,
            rows.map((row) => ({
              kind: deliverMailJob,
              payload: { outboxId: row.id },
              key: `mail:${row.id}`,
            })),
          );
        }
      });
    }
    return () => {
      if (transport && rows.length > 0) deps.jobs.wake();
    };
  }

  async function deliver(outboxId: string) {
    // Another process with SMTP settings takes the job on a later try.
    if (!transport) throw new Error("This process has no SMTP settings.");
    // A message already sent is never sent again, whichever job comes back to it.
    const [message] = await db
      .update(outbox)
      .set({ status: "sending" })
      .where(and(eq(outbox.id, outboxId), ne(outbox.status, "sent")))
      .returning();
    if (!message) return;
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
        ...(message.attachments ? { attachments: message.attachments } : {}),
      });
    } catch (error) {
      // The server's reply can quote the recipient's address: only the redacted text is kept.
      await db
        .update(outbox)
        .set({ status: "failed", error: redactError(error) })
        .where(eq(outbox.id, outboxId));
      throw error;
    }
    // Delivered: the one-time links in the body have reached their recipient and leave the outbox.
    await db
      .update(outbox)
      .set({
        status: "sent",
        sentAt: new Date(),
        error: null,
        text: "",
        html: null,
        headers: null,
        attachments: null,
        bodyRemovedAt: new Date(),
      })
      .where(eq(outbox.id, outboxId));
  }

  async function requeueUndelivered(options: { createdAfter?: Date } = {}) {
    if (!transport) return 0;
    const waiting = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          inArray(outbox.status, ["kept", "queued", "sending", "failed"]),
          options.createdAfter ? gt(outbox.createdAt, options.createdAfter) : undefined,
          notExists(
            db
              .select({ id: jobs.id })
              .from(jobs)
              .where(
                and(eq(jobs.key, sql`'mail:' || ${outbox.id}`), inArray(jobs.state, ["queued", "running"])),
              ),
          ),
        ),
      );
    let queued = 0;
    for (const { id } of waiting) {
      // A dead job frees its key; a finished one keeps it, so a delivered message is not sent again.
      if (await enqueueJob(db, { kind: deliverMailJob, payload: { outboxId: id }, key: `mail:${id}` })) {
        await db
          .update(outbox)
          .set({ status: "queued" })
          .where(and(eq(outbox.id, id), ne(outbox.status, "sent")));
        queued++;
      }
    }
    if (queued > 0) {
      logger.info("undelivered mail queued again", { messages: queued });
      deps.jobs.wake();
    }
    return queued;
  }

  return {
    async send(message) {
      (await enqueue([message]))();
    },
    enqueue,
    deliver,
    requeueUndelivered,
    async flush() {
      await deps.jobs.runDueJobs();
    },
    close() {
      transport?.close();
    },
  };
}
