import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Writes a brotli and a gzip copy beside every text asset once, at build time, so the server sends
 * compressed files without compressing on each request (it picks by the browser's Accept-Encoding).
 */
function precompress(outDir: string): Plugin {
  const compressible = /\.(js|css|svg|json|txt|webmanifest)$/;
  const filesIn = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesIn(path) : [path];
    });
  return {
    name: "sidecar-precompress",
    apply: "build",
    closeBundle() {
      for (const path of filesIn(outDir)) {
        if (!compressible.test(path)) continue;
        const content = readFileSync(path);
        if (content.length < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * The icons the signed-in frame draws (its navigation, account menu and bell), as lucide's file names:
 * they go in one file every signed-in page shares. Icons the signed-out pages draw first (the giver's
 * page, sign-in) stay out of it, so those pages load only their own few.
 */
function frameIconFiles(): Set<string> {
  const namesIn = (path: string) =>
    [...readFileSync(path, "utf8").matchAll(/import \{([^}]*)\} from "lucide-react"/g)].flatMap((match) =>
      (match[1] ?? "")
        .split(",")
        .map((name) => name.trim().split(/\s+as\s+/)[0] ?? "")
        .filter(Boolean),
    );
  const frame = [
    "src/web/ui/app-layout.tsx",
    "src/web/ui/account-menu.tsx",
    "src/web/features/notifications/notification-bell.tsx",
  ].flatMap(namesIn);
  const signedOut = [
    ...readdirSync("src/web/features/auth").map((name) => `src/web/features/auth/${name}`),
    "src/web/features/feedback/give-page.tsx",
    "src/web/ui/auth-layout.tsx",
  ].flatMap(namesIn);
  const barrel = readFileSync("node_modules/lucide-react/dist/esm/lucide-react.mjs", "utf8");
  const fileOf = new Map<string, string>();
  for (const match of barrel.matchAll(/export \{([^}]*)\} from '\.\/icons\/([a-z0-9-]+)\.mjs'/g)) {
    for (const part of (match[1] ?? "").split(",")) {
      const name = part.trim().split(/\s+as\s+/)[1];
      if (name) fileOf.set(name, `${match[2]}.mjs`);
    }
  }
  return new Set(
    frame
      .filter((name) => !signedOut.includes(name))
      .map((name) => fileOf.get(name))
      .filter((file): file is string => Boolean(file)),
  );
}
const frameIcons = frameIconFiles();

const apiPort = process.env.API_PORT ?? 3001;

export default defineConfig({
  plugins: [react(), precompress("dist/web")],
  publicDir: "public",
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: true,
    // Which files each page imports before it can draw: the page-weight test reads it.
    manifest: true,
    // The server's CSP forbids inline scripts, so every module must be a file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      // Building a zod schema has no effect beyond the schema: a page that uses none of a module's
      // schemas (only its labels or date helpers) then loads no zod at all.
      treeshake: { manualPureFunctions: ["z"] },
      output: {
        // React changes less often than the app: its own file stays cached across releases. Every other
        // library goes with the pages that use it, so a page loads only what it draws (charts, QR codes).
        codeSplitting: {
          // A group takes only the modules it names, not what they import (React stays in its own file).
          includeDependenciesRecursively: false,
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // The router and the query cache run every page: one file each, whole, rather than pieces
            // cut by which page first used which part.
            {
              name: "router",
              test: /node_modules[\\/](@tanstack[\\/](router-core|react-router|history|store|react-store)|use-sync-external-store)[\\/]/,
            },
            // What every icon is drawn with, apart, so a page with a few icons of its own does not load the
            // frame's.
            {
              name: "icon-base",
              test: /node_modules[\\/]lucide-react[\\/]dist[\\/]esm[\\/](?!icons[\\/])/,
              priority: 2,
            },
            {
              priority: 1,
              name: (id) =>
                /node_modules[\\/]lucide-react[\\/]dist[\\/]esm[\\/]icons[\\/]/.test(id) &&
                frameIcons.has(id.split(/[\\/]/).pop() ?? "")
                  ? "frame-icons"
                  : null,
            },
            { name: "query", test: /node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    proxy: {
      "/api": { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  preview: {
    port: Number(process.env.PORT ?? 3000),
    proxy: {
      "/api": { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
});
