import { randomBytes } from "node:crypto";

/** A random, unguessable row id: ids never count up, so one says nothing about when or in what order. */
export function newId(): string {
  return randomBytes(16).toString("base64url");
}
