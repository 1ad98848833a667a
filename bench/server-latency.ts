// Measures the p99 latency of a trivial route on an in-process node:http server, idle and while a
// cohort is solved on a worker thread, and prints the ratio.
import { readFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseMatchingInstance } from "../src/server/matching/parse-instance.ts";
import { solveInWorker } from "../src/server/matching/solve-in-worker.ts";

export type LatencyReport = {
  idleP99Ms: number;
  busyP99Ms: number;
  ratio: number;
  requests: number;
  solves: number;
};

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

async function sample(port: number, agent: Agent, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let k = 0; k < count; k++) {
    const startedAt = performance.now();
    await new Promise<void>((resolve, reject) => {
      const req = request({ port, path: "/health", agent }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", reject);
      req.end();
    });
    latencies.push(performance.now() - startedAt);
  }
  return latencies;
}

export async function measureServerLatency(instanceFile: string, requests = 3000): Promise<LatencyReport> {
  const problem = parseMatchingInstance(readFileSync(instanceFile));
  const server = createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await sample(port, agent, 500);
    const idle = await sample(port, agent, requests);
    let solving = true;
    let solves = 0;
    const solver = (async () => {
      while (solving) {
        await solveInWorker(problem, { mode: "participation" });
        solves++;
      }
    })();
    // Let the worker start and begin solving before measuring.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const busy = await sample(port, agent, requests);
    solving = false;
    await solver;
    const idleP99Ms = percentile(idle, 0.99);
    const busyP99Ms = percentile(busy, 0.99);
    return { idleP99Ms, busyP99Ms, ratio: busyP99Ms / idleP99Ms, requests, solves };
  } finally {
    agent.destroy();
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: tsx bench/server-latency.ts INSTANCE_FILE");
    process.exitCode = 2;
  } else console.log(JSON.stringify(await measureServerLatency(file)));
}
