import { parse } from "csv-parse/sync";
import { type ImportField, importFields, importRow } from "../../../shared/programs.ts";
import { AppError } from "../../http/errors.ts";

export type RowError = { line: number; column: string; message: string };

/**
 * Reads a participants file: csv-parse for the format (quotes, BOM, line ends), zod for each row. Every
 * error names the file's line and the column at fault; a field without a mapping is read from the
 * column of its own name (case, spaces and underscores aside).
 */
export function readParticipantsCsv(csv: string, given: Partial<Record<ImportField, string>>) {
  let records: { record: Record<string, string>; line: number }[];
  let headers: string[] = [];
  try {
    const parsed = parse(csv, {
      columns: (header: string[]) => {
        headers = header.map((h) => h.trim());
        return headers;
      },
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    records = parsed.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new AppError("VALIDATION", `The file is not valid CSV near line ${line}: check its quotes.`, "csv");
  }
  const mapping = {} as Record<ImportField, string>;
  const lowered = new Map(headers.map((h) => [h.toLowerCase().replace(/[\s_-]/g, ""), h]));
  for (const field of importFields) {
    mapping[field] = given[field] || lowered.get(field.toLowerCase()) || "";
  }
  const errors: RowError[] = [];
  for (const field of ["email", "name", "role"] as const) {
    if (!mapping[field] || !headers.includes(mapping[field])) {
      errors.push({ line: 1, column: mapping[field] || field, message: `No column for ${field}: map one` });
    }
  }
  const valid: (ReturnType<typeof importRow.parse> & { line: number })[] = [];
  const seen = new Map<string, number>();
  if (errors.length === 0) {
    for (const { record, line } of records) {
      const raw = (field: ImportField) => (mapping[field] ? (record[mapping[field]] ?? "") : "");
      const candidate = {
        email: raw("email").toLowerCase(),
        name: raw("name"),
        role: raw("role").toLowerCase(),
        managerEmail: raw("managerEmail") ? raw("managerEmail").toLowerCase() : null,
        capacity: raw("capacity") === "" ? 0 : raw("capacity"),
      };
      const result = importRow.safeParse(candidate);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = String(issue.path[0]) as ImportField;
          errors.push({ line, column: mapping[field] || field, message: issue.message });
        }
        continue;
      }
      const earlier = seen.get(result.data.email);
      if (earlier !== undefined) {
        errors.push({ line, column: mapping.email, message: `This email is already on line ${earlier}` });
        continue;
      }
      seen.set(result.data.email, line);
      valid.push({ ...result.data, line });
    }
  }
  return { records, headers, mapping, valid, errors };
}
