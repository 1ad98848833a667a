import { z } from "zod";
import { type AccountDataSectionKey, accountDataSections } from "../../../shared/account-data.ts";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  format?: string;
  additionalProperties?: JsonSchema | boolean;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

let definitions: Record<string, JsonSchema> = {};

/** Named schemas (those with a meta id) come out as references: read them in place. */
function resolved(schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const target = definitions[current.$ref.replace("#/$defs/", "")];
    if (!target) break;
    current = { ...target, description: current.description ?? target.description };
  }
  return current;
}

export type FieldRow = { path: string; type: string; description: string };

function typeOf(given: JsonSchema): string {
  const schema = resolved(given);
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return `one of ${schema.enum.map((v) => `\`${String(v)}\``).join(", ")}`;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array") return `list of ${schema.items ? typeOf(schema.items) : "any"}`;
  if (type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return `map to ${typeOf(schema.additionalProperties)}`;
  }
  return schema.format ? `${type} (${schema.format})` : type;
}

function walk(given: JsonSchema, path: string, rows: FieldRow[]) {
  const schema = resolved(given);
  const nonNull = schema.anyOf?.map(resolved).filter((s) => s.type !== "null");
  const inner = nonNull && nonNull.length === 1 && nonNull[0] ? nonNull[0] : schema;
  const nullable = inner !== schema;
  if (inner.properties) {
    if (path)
      rows.push({
        path,
        type: nullable ? "object or null" : "object",
        description: schema.description ?? "",
      });
    for (const [key, child] of Object.entries(inner.properties))
      walk(child, path ? `${path}.${key}` : key, rows);
    return;
  }
  const items = inner.items && resolved(inner.items);
  if (items?.properties) {
    rows.push({ path, type: nullable ? "list or null" : "list", description: schema.description ?? "" });
    walk(items, `${path}[]`, rows);
    return;
  }
  rows.push({
    path,
    type: nullable ? `${typeOf(inner)} or null` : typeOf(inner),
    description: schema.description ?? inner.description ?? "",
  });
}

/** Every field of one export section, in order, from its zod schema: the list the docs describe. */
export function sectionFields(key: AccountDataSectionKey): FieldRow[] {
  const json = z.toJSONSchema(accountDataSections.shape[key], {
    reused: "inline",
    unrepresentable: "any",
    io: "output",
  }) as JsonSchema;
  definitions = json.$defs ?? {};
  const rows: FieldRow[] = [];
  walk(json, "", rows);
  return rows;
}

export function fieldTable(key: AccountDataSectionKey): string {
  const rows = describedFields(key);
  const tableCell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
  return [
    "| field | type | meaning |",
    "|---|---|---|",
    ...rows.map((r) => `| \`${r.path}\` | ${tableCell(r.type)} | ${tableCell(r.description)} |`),
  ].join("\n");
}

// What the common field names mean wherever they appear; a schema's own description wins.
const commonMeanings: Record<string, string> = {
  id: "Its identifier in Sidecar",
  createdAt: "When it was created",
  updatedAt: "When it last changed",
  version: "Its edit version (one more on every change)",
  title: "Its title, as you wrote it",
  text: "The text, as written",
  kind: "Its kind",
  name: "The person's name as shown in Sidecar",
  state: "Where it stands",
  status: "Where it stands",
  label: "The label shown on the page",
  lanes: "Lanes of product ambiguity it concerns",
  lane: "A lane of product ambiguity",
  headline: "A one-line headline",
  role: "A role",
  goals: "Goals",
  timeZone: "An IANA time zone, such as Europe/Berlin",
  notes: "Notes",
  key: "A stable key",
  description: "Its description",
  email: "An email address",
  userId: "A member's identifier",
  startsAt: "When it starts (UTC)",
  endsAt: "When it ends (UTC)",
  startsOn: "The day it starts",
  endsOn: "The day it ends",
  dueOn: "The day it is due",
  closedAt: "When it closed",
  reason: "The reason given",
  authorName: "Who wrote it, as shown on the page",
  body: "The text, as written (Markdown where the page allows it)",
  communityId: "The community's identifier",
  communityName: "The community's name",
  company: "A company's name",
  rating: "A rating from 1 to 5",
  evidence: "The evidence you wrote for each lane",
  dilemma: "The dilemma, as you wrote it",
  questions: "Questions",
  answers: "Answers",
  minutes: "Length in minutes",
  agenda: "The agenda",
  cancelReason: "Why it was cancelled",
  sequence: "The calendar file's sequence number",
  mine: "What you wrote",
  theirs: "What the other person wrote, once revealed",
  mentee: "The mentee",
  mentor: "The mentor",
  side: "Your side: mentee or mentor",
  shared: "Shared with the other person (true) or private to its author (false)",
  requestId: "The mentoring request's identifier",
  level: "A career level",
  message: "A message",
  purpose: "What the request is for, as you wrote it",
  result: "The result, as you wrote it",
  problem: "The problem, as you wrote it",
  actions: "What you did, as you wrote it",
  outcome: "How it turned out, as you wrote it",
  decision: "What you decided",
  options: "The options you weighed",
  preferences: "One entry per kind of notification",
  delivery: "How its email reaches you: each time, in the daily digest, or off",
  essential: "Essential account mail, always sent",
  granteeEmail: "The email you shared with",
  part: "The part shared",
};

function humanized(path: string): string {
  const name = path.split(".").pop()?.replace("[]", "") ?? path;
  return commonMeanings[name] ?? "";
}

export function describedFields(key: AccountDataSectionKey): FieldRow[] {
  return sectionFields(key).map((row) => ({ ...row, description: row.description || humanized(row.path) }));
}
