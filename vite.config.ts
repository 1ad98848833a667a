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

const apiPort = process.env.API_PORT ?? 3001;

export default defineConfig({
  plugins: [react(), precompress("dist/web")],
  publicDir: "public",
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: true,
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
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Icons are tiny and used everywhere: one file, not one request per icon.
            { name: "icons", test: /node_modules[\\/]lucide-react[\\/]/ },
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
