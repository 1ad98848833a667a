import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import { AppError } from "../../http/errors.ts";
import type { Viewer } from "../../http/viewer.ts";
import { presentOutboxMessage, presentOutboxSummary, presentUser } from "./admin.presenter.ts";
import {
  findOutboxRow,
  findUserRow,
  findUserRowByEmail,
  listOutboxRows,
  listUserRows,
  markEmailVerified,
  type Page,
  setUserDisabled,
  setUserRole,
} from "./admin.repo.ts";

export const adminPageSize = 25;

export async function listUsers(db: Db, viewer: Viewer | null, input: { q: string; page: number }) {
  // Only instance administrators see the member list: it holds every email address.
  await requireAccess(db, viewer, "manage", "instance");
  const page: Page = { page: input.page, pageSize: adminPageSize };
  const { rows, total } = await listUserRows(db, input.q.trim(), page);
  return { users: rows.map(presentUser), total, ...page };
}

export async function disableUser(db: Db, viewer: Viewer | null, userId: string) {
  const admin = await requireAccess(db, viewer, "manage", "instance");
  if (admin.userId === userId) {
    throw new AppError("CONFLICT", "You cannot disable your own account. Ask another administrator.");
  }
  const user = await findUserRow(db, userId);
  if (!user) throw new AppError("NOT_FOUND", "There is no user with this id.");
  await setUserDisabled(db, userId, true);
  return { user: presentUser({ ...user, disabled: true }) };
}

export async function enableUser(db: Db, viewer: Viewer | null, userId: string) {
  await requireAccess(db, viewer, "manage", "instance");
  const user = await findUserRow(db, userId);
  if (!user) throw new AppError("NOT_FOUND", "There is no user with this id.");
  await setUserDisabled(db, userId, false);
  return { user: presentUser({ ...user, disabled: false }) };
}

/**
 * Confirms a member's email without a link, for an instance that cannot send mail yet: the
 * administrator vouches for the address, and no confirmation link is ever shown to them.
 */
export async function confirmUserEmail(db: Db, viewer: Viewer | null, userId: string) {
  await requireAccess(db, viewer, "manage", "instance");
  const user = await findUserRow(db, userId);
  if (!user) throw new AppError("NOT_FOUND", "There is no user with this id.");
  if (!user.emailVerified) await markEmailVerified(db, userId);
  return { user: presentUser({ ...user, emailVerified: true }) };
}

export async function listOutbox(db: Db, viewer: Viewer | null, input: { page: number }) {
  // The outbox holds every message Sidecar sent; only administrators may read it.
  await requireAccess(db, viewer, "manage", "instance");
  const page: Page = { page: input.page, pageSize: adminPageSize };
  const { rows, total } = await listOutboxRows(db, page);
  return { messages: rows.map(presentOutboxSummary), total, ...page };
}

export async function getOutboxMessage(db: Db, viewer: Viewer | null, id: string) {
  await requireAccess(db, viewer, "manage", "instance");
  const row = await findOutboxRow(db, id);
  if (!row) throw new AppError("NOT_FOUND", "There is no message with this id.");
  return { message: presentOutboxMessage(row) };
}

/** Run from the command line by whoever operates the server, so there is no viewer to check. */
export async function grantAdmin(db: Db, email: string) {
  const user = await findUserRowByEmail(db, email);
  if (!user)
    throw new AppError("NOT_FOUND", `No account uses the email ${email}. Sign up first, then grant.`);
  await setUserRole(db, user.id, "admin");
  // The operator vouches for the address: without SMTP the first admin could not otherwise confirm it.
  if (!user.emailVerified) await markEmailVerified(db, user.id);
  return presentUser({ ...user, role: "admin", emailVerified: true });
}

export async function revokeAdmin(db: Db, email: string) {
  const user = await findUserRowByEmail(db, email);
  if (!user) throw new AppError("NOT_FOUND", `No account uses the email ${email}.`);
  await setUserRole(db, user.id, "member");
  return presentUser({ ...user, role: "member" });
}
