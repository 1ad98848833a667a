import { spawn } from "node:child_process";

// The API reloads on change with tsx watch; Vite serves the web app with hot reload and proxies /api to it.
const port = process.env.PORT ?? "3000";
const apiPort = process.env.API_PORT ?? "3001";
const env = {
  ...process.env,
  API_PORT: apiPort,
  BASE_URL: process.env.BASE_URL ?? `http://localhost:${port}`,
};

const children = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "src/server/main.ts"], {
    stdio: "inherit",
    env: { ...env, PORT: apiPort },
  }),
  spawn("npx", ["vite", "--port", port, "--strictPort"], { stdio: "inherit", env }),
];

function stop() {
  for (const child of children) child.kill("SIGTERM");
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) {
  child.on("exit", (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}
