// Measures the p99 latency of a trivial route on an in-process node:http server, idle and while a
// cohort is solved on a worker thread, and prints the ratio.
import { readFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseMatchingInstance } from "../src/server/matching/parse-instance.ts";
import {
  closeMatchingWorker,
  prepareMatchingWorker,
  solveInWorker,
} from "../src/server/matching/solve-in-worker.ts";

export type LatencyReport = {
  idleP99Ms: number;
  busyP99Ms: number;
  ratio: number;
  /** p99 during the worker's first solve (its warm-up at start has run during the first requests). */
  firstSolveP99Ms: number;
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

export async function measureServerLatency(
  instanceFile: string,
  requests = 2000,
  rounds = 5,
): Promise<LatencyReport> {
  const problem = parseMatchingInstance(readFileSync(instanceFile));
  const server = createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // As at server boot: the worker starts before any request is measured.
  prepareMatchingWorker();
  try {
    await sample(port, agent, 5000);
    let solves = 0;
    const busyWindow = async (): Promise<number> => {
      let solving = true;
      let started: () => void = () => {};
      const firstProgress = new Promise<void>((resolve) => {
        started = resolve;
      });
      const solver = (async () => {
        while (solving) {
          await solveInWorker(problem, {
            mode: "participation",
            onProgress: (progress) => progress.phase === "matching" && started(),
          });
          solves++;
        }
      })();
      await firstProgress;
      const p99 = percentile(await sample(port, agent, requests), 0.99);
      solving = false;
      await solver;
      return p99;
    };
    const firstSolveP99Ms = await busyWindow();
    const idle: number[] = [];
    const busy: number[] = [];
    // Alternate quiet and busy windows, so both see the same machine state; report the median of each.
    for (let round = 0; round < rounds; round++) {
      idle.push(percentile(await sample(port, agent, requests), 0.99));
      busy.push(await busyWindow());
    }
    const idleP99Ms = percentile(idle, 0.5);
    const busyP99Ms = percentile(busy, 0.5);
    return {
      idleP99Ms,
      busyP99Ms,
      ratio: busyP99Ms / idleP99Ms,
      firstSolveP99Ms,
      requests: requests * rounds,
      solves,
    };
  } finally {
    agent.destroy();
    server.close();
    await closeMatchingWorker();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: tsx bench/server-latency.ts INSTANCE_FILE");
    process.exitCode = 2;
  } else console.log(JSON.stringify(await measureServerLatency(file)));
}
