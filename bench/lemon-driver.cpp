// Reference solver for the matching benchmark: reads the CLI's text format and solves it with LEMON's
// network simplex or cost scaling, as a min-cost flow from a source through mentees and mentors to a sink,
// with a zero-cost bypass arc from source to sink. Prints one JSON line; the time covers solving only.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace lemon;
typedef SmartDigraph Graph;
typedef long long Cost;

static double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

template <typename Solver>
static bool runMinCostFlow(Solver& solver, const Graph::ArcMap<int>& room, const Graph::ArcMap<Cost>& cost,
                           const Graph::NodeMap<int>& supply) {
  solver.upperMap(room).costMap(cost).supplyMap(supply);
  return solver.run() == Solver::OPTIMAL;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: lemon-driver FILE participation|score network-simplex|cost-scaling [two-phase]\n");
    return 2;
  }
  std::FILE* in = std::fopen(argv[1], "r");
  if (!in) return 2;
  const bool participation = std::strcmp(argv[2], "participation") == 0;
  const std::string algorithm = argv[3];
  // Participation first is one min-cost flow where every match is worth more than any total score
  // (M = 1000 n + 1); "two-phase" instead finds the most matches with a preflow, then a min-cost flow of
  // exactly that value. Both give the same optimum; the first is faster on our cohorts.
  const bool bigWeights = !(argc > 4 && std::strcmp(argv[4], "two-phase") == 0);
  int n, m, pairCount;
  if (std::fscanf(in, "%d %d %d", &n, &m, &pairCount) != 3) return 2;

  Graph g;
  g.reserveNode(n + m + 2);
  g.reserveArc(n + m + pairCount + 1);
  std::vector<Graph::Node> mentee(n), mentor(m);
  Graph::Node source = g.addNode(), sink = g.addNode();
  for (int i = 0; i < n; i++) mentee[i] = g.addNode();
  for (int j = 0; j < m; j++) mentor[j] = g.addNode();
  Graph::ArcMap<int> room(g);
  Graph::ArcMap<Cost> cost(g);
  std::vector<Graph::Arc> pairArc(pairCount), entry(n);
  for (int i = 0; i < n; i++) {
    entry[i] = g.addArc(source, mentee[i]);
    room[entry[i]] = 1;
    cost[entry[i]] = 0;
  }
  std::vector<int> capacity(m);
  for (int j = 0; j < m; j++)
    if (std::fscanf(in, "%d", &capacity[j]) != 1) return 2;
  std::vector<int> pairScore(pairCount);
  for (int k = 0; k < pairCount; k++) {
    int i, j, s;
    if (std::fscanf(in, "%d %d %d", &i, &j, &s) != 3) return 2;
    pairArc[k] = g.addArc(mentee[i], mentor[j]);
    room[pairArc[k]] = 1;
    cost[pairArc[k]] = -(Cost)s - (participation && bigWeights ? 1000LL * n + 1 : 0);
    pairScore[k] = s;
  }
  std::fclose(in);
  for (int j = 0; j < m; j++) {
    Graph::Arc exit = g.addArc(mentor[j], sink);
    room[exit] = capacity[j];
    cost[exit] = 0;
  }
  Graph::Arc bypass = g.addArc(source, sink);
  room[bypass] = participation && !bigWeights ? 0 : n;
  cost[bypass] = 0;

  const double startedAt = nowMs();
  const std::clock_t cpuAt = std::clock();
  int flowValue = n;
  if (participation && !bigWeights) {
    Preflow<Graph, Graph::ArcMap<int>> preflow(g, room, source, sink);
    preflow.runMinCut();
    flowValue = preflow.flowValue();
  }
  Graph::NodeMap<int> supply(g, 0);
  supply[source] = flowValue;
  supply[sink] = -flowValue;
  Graph::ArcMap<int> flow(g);
  bool optimal;
  if (algorithm == "cost-scaling") {
    CostScaling<Graph, int, Cost> solver(g);
    optimal = runMinCostFlow(solver, room, cost, supply);
    if (optimal) solver.flowMap(flow);
  } else {
    NetworkSimplex<Graph, int, Cost> solver(g);
    optimal = runMinCostFlow(solver, room, cost, supply);
    if (optimal) solver.flowMap(flow);
  }
  const double ms = nowMs() - startedAt;
  const double cpuMs = 1000.0 * (double)(std::clock() - cpuAt) / CLOCKS_PER_SEC;
  if (!optimal) {
    std::fprintf(stderr, "no optimal flow\n");
    return 1;
  }
  long long score = 0;
  int matched = 0;
  for (int k = 0; k < pairCount; k++)
    if (flow[pairArc[k]] > 0) {
      matched++;
      score += pairScore[k];
    }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::printf("{\"matched\":%d,\"score\":%lld,\"ms\":%.1f,\"cpuMs\":%.1f,\"maxRssKb\":%ld}\n", matched, score, ms, cpuMs, usage.ru_maxrss);
  return 0;
}
