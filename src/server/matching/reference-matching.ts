import type { MatchingProblem } from "./matching-problem.ts";

/**
 * The best total score for every number of matched mentees, by plain successive shortest paths with
 * Bellman–Ford on the source–mentee–mentor–sink network. Slow and simple on purpose: tests use it as an
 * independent check of the fast engine.
 */
export function bestScoreByMatchedCount(problem: MatchingProblem): number[] {
  const { menteeCount: n, mentorCount: m } = problem;
  const source = n + m;
  const sink = source + 1;
  const nodeCount = sink + 1;
  const arcHead: number[] = [];
  const arcCost: number[] = [];
  const arcRoom: number[] = [];
  const outgoing: number[][] = Array.from({ length: nodeCount }, () => []);
  const addArc = (from: number, to: number, room: number, cost: number) => {
    outgoing[from]?.push(arcHead.length);
    arcHead.push(to);
    arcCost.push(cost);
    arcRoom.push(room);
    outgoing[to]?.push(arcHead.length);
    arcHead.push(from);
    arcCost.push(-cost);
    arcRoom.push(0);
  };
  for (let i = 0; i < n; i++) addArc(source, i, 1, 0);
  for (let k = 0; k < problem.pairScore.length; k++)
    addArc(
      problem.pairMentee[k] as number,
      n + (problem.pairMentor[k] as number),
      1,
      -(problem.pairScore[k] as number),
    );
  for (let j = 0; j < m; j++) addArc(n + j, sink, problem.capacity[j] as number, 0);

  const best = [0];
  let total = 0;
  for (;;) {
    const dist = new Array<number>(nodeCount).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(nodeCount).fill(-1);
    dist[source] = 0;
    for (let pass = 0; pass < nodeCount; pass++) {
      let changed = false;
      for (let a = 0; a < arcHead.length; a++) {
        if ((arcRoom[a] as number) <= 0) continue;
        const from = arcHead[a ^ 1] as number;
        const to = arcHead[a] as number;
        const through = (dist[from] as number) + (arcCost[a] as number);
        if (through < (dist[to] as number)) {
          dist[to] = through;
          via[to] = a;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Number.POSITIVE_INFINITY) return best;
    for (let node = sink; node !== source; ) {
      const a = via[node] as number;
      arcRoom[a] = (arcRoom[a] as number) - 1;
      arcRoom[a ^ 1] = (arcRoom[a ^ 1] as number) + 1;
      node = arcHead[a ^ 1] as number;
    }
    total -= dist[sink] as number;
    best.push(total);
  }
}
