import { writeFileSync } from "node:fs";
import { accountDataDoc } from "../src/server/modules/account-data/account-data-doc.ts";

// Writes docs/account-data.md from the export's schema; a test fails when the two differ.
writeFileSync(new URL("../docs/account-data.md", import.meta.url), accountDataDoc());
