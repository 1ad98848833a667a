/**
 * Builds the web app only when its sources changed since the last build, so `npm start` answers in
 * about a second after the first run. The fingerprint is the content of every file the build reads.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const outDir = join(root, "dist", "web");
const stampFile = join(outDir, ".sources");
const inputs = ["src/web", "src/shared", "public", "index.html", "vite.config.ts", "package-lock.json"];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap((input) => filesUnder(join(root, input)))) {
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

const fingerprint = sourceFingerprint();
const built =
  existsSync(join(outDir, "index.html")) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, "utf8") === fingerprint;
if (built && !process.argv.includes("--force")) {
  console.log("The web app is up to date with its sources; not rebuilding.");
} else {
  execFileSync(join(root, "node_modules", ".bin", "vite"), ["build"], { cwd: root, stdio: "inherit" });
  writeFileSync(stampFile, fingerprint);
}
