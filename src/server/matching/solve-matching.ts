import {
  internalWeightScale,
  type MatchingProblem,
  type MatchingProgress,
  type MatchingResult,
  type MatchMode,
  maxPairScore,
} from "./matching-problem.ts";

export type SolveMatchingOptions = {
  mode: MatchMode;
  /** Pairs per mentee in the first solve; every other pair is priced against the dual afterwards. */
  candidateLimit?: number;
  onProgress?: (progress: MatchingProgress) => void;
  /**
   * The duals of a previous run on the same cohort (same mentee and mentor indices, same mode), to
   * re-solve quickly after a small change: capacities changed, pairs forbidden, or a pair pinned by
   * taking its mentee's pairs out and lowering its mentor's capacity. Any values give the exact optimum;
   * good ones make the search short. Only the mentor duals steer the search (each mentee's dual follows
   * from them); both arrays are checked for their length.
   */
  warmStart?: MatchingWarmStart;
  /**
   * How a cold solve finds its starting mentor duals: "zero", or "auction" (auctionMentorPrices); "auto"
   * (the default) takes the auction on heavily contested cohorts (firstChoiceExcess at least
   * auctionStartExcess). Ignored with a warm start. The answer is the same exact optimum either way.
   */
  start?: "auto" | "zero" | "auction";
  /**
   * How many times the candidate pairs the searches and seat repairs from auction prices may read before
   * the solve gives the prices up and starts again from zero; auctionRepairBudget by default.
   */
  auctionRepairBudget?: number;
};

export type MatchingWarmStart = { menteeDual: Float64Array; mentorDual: Float64Array };

export const defaultCandidateLimit = 64;

const unseen = 0;
const inHeap = 1;
const settled = 2;
const free = -1;

/**
 * Each mentee's pairs in one compressed row, best score first. The order lets pricing stop at the
 * first pair that cannot beat what the mentee already earns. degree counts each mentor's pairs.
 */
type PairRows = {
  start: Int32Array;
  mentor: Int32Array;
  score: Int32Array;
  weight: Float64Array;
  degree: Int32Array;
};

/** A row position fits in the low 21 bits of a sort key, the score's rank in the 11 above. */
const positionBits = 21;
const positionLimit = 1 << positionBits;

/**
 * Sorts each mentee's row on its own: one key per pair (score rank, then position in the row) and a
 * native typed-array sort per row. Rows are small and contiguous, so this stays in cache where a global
 * sort scatters millions of pairs across memory (measured: 4.8 million pairs in about 0.1 s instead of
 * 0.5 s). Pairs need not come grouped by mentee; when they do, as the scoring module and the file
 * format list them, no reordering pass is needed.
 */
function buildPairRows(problem: MatchingProblem, scale: number, bonus: number): PairRows {
  const { menteeCount, mentorCount, pairMentee, pairMentor, pairScore } = problem;
  const pairCount = pairScore.length;
  const start = new Int32Array(menteeCount + 1);
  const keys = new Uint32Array(pairCount);
  // One pass counts each row and, as long as the pairs come grouped by mentee, writes their sort keys.
  let grouped = true;
  let previous = 0;
  let rowFrom = 0;
  for (let k = 0; k < pairCount; k++) {
    const i = pairMentee[k] as number;
    if (i !== previous) {
      if (i < previous) grouped = false;
      previous = i;
      rowFrom = k;
    }
    start[i + 1] = (start[i + 1] as number) + 1;
    keys[k] =
      (maxPairScore - (pairScore[k] as number)) * positionLimit + ((k - rowFrom) & (positionLimit - 1));
  }
  let longest = 0;
  for (let i = 0; i < menteeCount; i++) {
    const length = start[i + 1] as number;
    if (length > longest) longest = length;
    start[i + 1] = length + (start[i] as number);
  }
  if (longest >= positionLimit) return buildPairRowsGlobally(problem, scale, bonus, start);

  // byRow[e] is the input index of the e-th pair in row order (identity when grouped).
  let byRow: Int32Array | undefined;
  if (!grouped) {
    byRow = new Int32Array(pairCount);
    const fill = start.slice(0, menteeCount);
    for (let k = 0; k < pairCount; k++) {
      const i = pairMentee[k] as number;
      const at = fill[i] as number;
      fill[i] = at + 1;
      byRow[at] = k;
      keys[at] = (maxPairScore - (pairScore[k] as number)) * positionLimit + (at - (start[i] as number));
    }
  }
  for (let i = 0; i < menteeCount; i++) {
    const from = start[i] as number;
    const to = start[i + 1] as number;
    if (to - from > 1) keys.subarray(from, to).sort();
  }
  const mentor = new Int32Array(pairCount);
  const score = new Int32Array(pairCount);
  const weight = new Float64Array(pairCount);
  const degree = new Int32Array(mentorCount + 1);
  for (let i = 0; i < menteeCount; i++) {
    const from = start[i] as number;
    const to = start[i + 1] as number;
    for (let e = from; e < to; e++) {
      const key = keys[e] as number;
      const at = from + (key & (positionLimit - 1));
      const k = byRow ? (byRow[at] as number) : at;
      const j = pairMentor[k] as number;
      const s = maxPairScore - (key >>> positionBits);
      mentor[e] = j;
      score[e] = s;
      weight[e] = scale * s + bonus;
      degree[j] = (degree[j] as number) + 1;
    }
  }
  return { start, mentor, score, weight, degree };
}

/** Rows too long for a packed key: one counting sort by score over all pairs, then a stable bucketing. */
function buildPairRowsGlobally(
  problem: MatchingProblem,
  scale: number,
  bonus: number,
  start: Int32Array,
): PairRows {
  const { menteeCount, mentorCount, pairMentee, pairMentor, pairScore } = problem;
  const pairCount = pairScore.length;
  const byScore = new Int32Array(maxPairScore + 2);
  for (let k = 0; k < pairCount; k++) {
    const slot = maxPairScore - (pairScore[k] as number) + 1;
    byScore[slot] = (byScore[slot] as number) + 1;
  }
  for (let s = 1; s < byScore.length; s++) byScore[s] = (byScore[s] as number) + (byScore[s - 1] as number);
  const scoreOrder = new Int32Array(pairCount);
  for (let k = 0; k < pairCount; k++) {
    const slot = maxPairScore - (pairScore[k] as number);
    const at = byScore[slot] as number;
    byScore[slot] = at + 1;
    scoreOrder[at] = k;
  }
  const fill = start.slice(0, menteeCount);
  const mentor = new Int32Array(pairCount);
  const score = new Int32Array(pairCount);
  const weight = new Float64Array(pairCount);
  const degree = new Int32Array(mentorCount + 1);
  for (let r = 0; r < pairCount; r++) {
    const k = scoreOrder[r] as number;
    const i = pairMentee[k] as number;
    const at = fill[i] as number;
    fill[i] = at + 1;
    const j = pairMentor[k] as number;
    mentor[at] = j;
    score[at] = pairScore[k] as number;
    weight[at] = scale * (pairScore[k] as number) + bonus;
    degree[j] = (degree[j] as number) + 1;
  }
  return { start, mentor, score, weight, degree };
}

/**
 * Mentor prices from a forward auction with epsilon scaling (Bertsekas 1988), mentors bid for as
 * objects with several seats: a mentor keeps its best bids, one per seat, and its price is the lowest
 * of them once its seats are full (the previous phase's price before). Each mentee bids for its best
 * mentor by price the gap to its second best plus epsilon; "nobody" is worth 0 at price 0. The prices
 * only start the exact solve, which repairs whatever they get wrong. menteePair receives the pair each
 * mentee holds at the end (-1 for none), for the solve to keep where it is still tight.
 */
export function auctionMentorPrices(
  menteeCount: number,
  mentorCount: number,
  rowStart: Int32Array,
  active: Int32Array,
  rowMentor: Int32Array,
  weight: Float64Array,
  seats: Int32Array,
  price: Float64Array,
  menteePair: Int32Array,
  firstEpsilon: number,
  lastEpsilon: number,
  factor: number,
): number {
  const n = menteeCount;
  const m = mentorCount;
  const seatStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) seatStart[j + 1] = (seatStart[j] as number) + (seats[j] as number);
  const holder = new Int32Array(seatStart[m] as number);
  const bid = new Float64Array(seatStart[m] as number);
  const heldPair = new Int32Array(seatStart[m] as number);
  const held = new Int32Array(m);
  const lowest = new Int32Array(m);
  const queue = new Int32Array(n + 1);
  const lowered = new Float64Array(m);
  const profit = new Float64Array(n);
  // A mentor without seats is priced out of every bid for the auction's length.
  let unavailable = 0;
  for (let e = 0; e < weight.length; e++)
    if ((weight[e] as number) > unavailable) unavailable = weight[e] as number;
  for (let j = 0; j < m; j++) if (seats[j] === 0) price[j] = unavailable;
  let bids = 0;
  let epsilon = firstEpsilon;
  for (;;) {
    held.fill(0);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) if ((active[i] as number) > 0) queue[tail++] = i;
    let waiting = tail;
    while (waiting > 0) {
      const i = queue[head] as number;
      head = head === n ? 0 : head + 1;
      waiting--;
      const from = rowStart[i] as number;
      const to = from + (active[i] as number);
      // Prices and weights are integers, so -1 is below every value worth bidding; "nobody" is worth 0.
      let best = -1;
      let second = 0;
      let bestMentor = -1;
      let bestEdge = -1;
      for (let e = from; e < to; e++) {
        const w = weight[e] as number;
        if (w <= second && w <= best) break;
        const j = rowMentor[e] as number;
        const value = w - (price[j] as number);
        if (value > best) {
          if (best > second) second = best;
          best = value;
          bestMentor = j;
          bestEdge = e;
        } else if (value > second) second = value;
      }
      if (bestMentor < 0) continue;
      const j = bestMentor;
      const base = seatStart[j] as number;
      const count = held[j] as number;
      const capacity = (seatStart[j + 1] as number) - base;
      // A mentee that would gain nothing takes a free seat but never outbids anyone.
      if (best === 0 && count === capacity) continue;
      bids++;
      // Never bid above the pair's weight: a mentee then never holds a seat it likes less than "nobody",
      // so it bids for it again in the next phase instead of leaving it empty at a price nobody pays.
      const offer = Math.min((price[j] as number) + best - second + epsilon, weight[bestEdge] as number);
      if (count < capacity) {
        holder[base + count] = i;
        bid[base + count] = offer;
        heldPair[base + count] = bestEdge;
        held[j] = count + 1;
        if (count + 1 < capacity) continue;
      } else {
        const out = lowest[j] as number;
        queue[tail] = holder[out] as number;
        tail = tail === n ? 0 : tail + 1;
        waiting++;
        holder[out] = i;
        bid[out] = offer;
        heldPair[out] = bestEdge;
      }
      let low = base;
      for (let s = base + 1; s < base + capacity; s++) if ((bid[s] as number) < (bid[low] as number)) low = s;
      lowest[j] = low;
      price[j] = bid[low] as number;
    }
    // A mentor left with a free seat keeps the price an earlier phase set, which the next phase (or the
    // exact solve) would have to work back down. Lower it to the most any mentee would pay for it over
    // what the mentee earns now (0 when nobody would): no mentee then prefers it to where it is.
    profit.fill(0);
    menteePair.fill(-1);
    for (let j = 0; j < m; j++)
      for (let s = seatStart[j] as number; s < (seatStart[j] as number) + (held[j] as number); s++) {
        profit[holder[s] as number] = (weight[heldPair[s] as number] as number) - (price[j] as number);
        menteePair[holder[s] as number] = heldPair[s] as number;
      }
    lowered.fill(0);
    for (let i = 0; i < n; i++) {
      const ui = profit[i] as number;
      const to = (rowStart[i] as number) + (active[i] as number);
      for (let e = rowStart[i] as number; e < to; e++) {
        const j = rowMentor[e] as number;
        const gap = (weight[e] as number) - ui;
        if (gap > (lowered[j] as number)) lowered[j] = gap;
      }
    }
    for (let j = 0; j < m; j++)
      if ((held[j] as number) < (seatStart[j + 1] as number) - (seatStart[j] as number))
        price[j] = Math.min(price[j] as number, lowered[j] as number);
    // Early phases' large steps lift every price by about the same amount. Taking a common amount off
    // all of them changes no mentee's preference between mentors; it is bounded by the cheapest full
    // mentor and by what keeps each mentee without a seat still preferring "nobody".
    let shift = Number.POSITIVE_INFINITY;
    for (let j = 0; j < m; j++) {
      const capacity = (seatStart[j + 1] as number) - (seatStart[j] as number);
      if (capacity > 0 && held[j] === capacity && (price[j] as number) < shift) shift = price[j] as number;
    }
    for (let i = 0; i < n && shift > 0; i++) {
      if ((menteePair[i] as number) >= 0) continue;
      const to = (rowStart[i] as number) + (active[i] as number);
      for (let e = rowStart[i] as number; e < to; e++) {
        const j = rowMentor[e] as number;
        if (seats[j] === 0) continue;
        const slack = (price[j] as number) - (weight[e] as number);
        if (slack < shift) shift = Math.max(0, slack);
      }
    }
    if (shift > 0 && shift < Number.POSITIVE_INFINITY)
      for (let j = 0; j < m; j++) if (seats[j] !== 0) price[j] = Math.max(0, (price[j] as number) - shift);
    if (epsilon <= lastEpsilon) break;
    epsilon = Math.max(lastEpsilon, Math.floor(epsilon / factor));
  }
  for (let j = 0; j < m; j++) if (seats[j] === 0) price[j] = 0;
  return bids;
}

/**
 * How contested a cohort is, from its rows alone: the share of mentees who cannot all have their first
 * choice, summed over mentors as max(0, mentees whose best pair is with j - seats of j) / mentees.
 * Measured on the benchmark's cohorts: 0.22-0.31 with low competition, 0.66-0.80 contested, 0.86-0.94
 * heavily contested.
 */
export function firstChoiceExcess(
  menteeCount: number,
  mentorCount: number,
  rowStart: Int32Array,
  rowMentor: Int32Array,
  seats: Int32Array,
): number {
  const demand = new Int32Array(mentorCount);
  for (let i = 0; i < menteeCount; i++) {
    const from = rowStart[i] as number;
    if ((rowStart[i + 1] as number) > from) {
      const j = rowMentor[from] as number;
      demand[j] = (demand[j] as number) + 1;
    }
  }
  let excess = 0;
  for (let j = 0; j < mentorCount; j++) excess += Math.max(0, (demand[j] as number) - (seats[j] as number));
  return menteeCount > 0 ? excess / menteeCount : 0;
}

/** From this first-choice excess on, a cold solve starts from auction prices (see docs/matching.md). */
export const auctionStartExcess = 0.85;
/**
 * Searches and seat repairs from auction prices may read this many times the candidate pairs before
 * the solve gives the prices up and starts again from zero (see docs/matching.md).
 */
export const auctionRepairBudget = 16;

/**
 * The state of one solve. Its searches are methods of one class, not closures created per solve: V8
 * inlines a closure's calls to its sibling closures by identity, so every later solve in the same
 * process (every job of the server's worker after the first) threw that code away ("wrong call target")
 * and ran slower code than the first solve (measured: 15-30% on contested cohorts, up to twice on the
 * heavily contested ones).
 */
class MatchingSearch {
  readonly nobody: number;
  readonly assigned: Int32Array;
  readonly assignedPair: Int32Array;
  readonly load: Int32Array;
  readonly firstMentee: Int32Array;
  readonly nextMentee: Int32Array;
  readonly previousMentee: Int32Array;
  readonly dist: Float64Array;
  readonly state: Uint8Array;
  readonly predMentee: Int32Array;
  readonly predPair: Int32Array;
  readonly touched: Int32Array;
  readonly settledMentors: Int32Array;
  readonly settledMentees: Int32Array;
  readonly settledMenteeDist: Float64Array;
  readonly heap: Int32Array;
  readonly heapPos: Int32Array;
  heapSize = 0;
  touchedCount = 0;
  /** Pairs the searches and seat repairs have read so far: the work the current start has cost. */
  reads = 0;
  /** The distance of the closest free seat found so far: nothing at or beyond it can matter. */
  bound = Number.POSITIVE_INFINITY;
  readonly freeMentees: Int32Array;
  freeCount = 0;
  readonly deficits: Int32Array;
  deficitCount = 0;
  readonly columnStart: Int32Array;
  columnPair: Int32Array = new Int32Array(0);
  columnMentee: Int32Array = new Int32Array(0);

  constructor(
    readonly n: number,
    readonly m: number,
    readonly start: Int32Array,
    readonly rowMentor: Int32Array,
    readonly rowScore: Int32Array,
    readonly weight: Float64Array,
    readonly active: Int32Array,
    readonly seats: Int32Array,
    readonly menteeDual: Float64Array,
    readonly mentorDual: Float64Array,
  ) {
    this.nobody = m;
    this.assigned = new Int32Array(n).fill(free);
    this.assignedPair = new Int32Array(n).fill(-1);
    this.load = new Int32Array(m + 1);
    this.firstMentee = new Int32Array(m).fill(-1);
    this.nextMentee = new Int32Array(n).fill(-1);
    this.previousMentee = new Int32Array(n).fill(-1);
    this.dist = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
    this.state = new Uint8Array(m + 1);
    this.predMentee = new Int32Array(m + 1);
    this.predPair = new Int32Array(m + 1);
    this.touched = new Int32Array(m + 1);
    this.settledMentors = new Int32Array(m + 1);
    this.settledMentees = new Int32Array(n);
    this.settledMenteeDist = new Float64Array(n);
    this.heap = new Int32Array(m + 1);
    this.heapPos = new Int32Array(m + 1);
    this.freeMentees = new Int32Array(n);
    this.deficits = new Int32Array(n + m);
    this.columnStart = new Int32Array(m + 1);
  }

  siftUp(at: number): void {
    const { heap, heapPos, dist } = this;
    const node = heap[at] as number;
    const key = dist[node] as number;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = heap[parentAt] as number;
      if ((dist[parent] as number) <= key) break;
      heap[at] = parent;
      heapPos[parent] = at;
      at = parentAt;
    }
    heap[at] = node;
    heapPos[node] = at;
  }

  popMin(): number {
    const { heap, heapPos, dist } = this;
    const top = heap[0] as number;
    const heapSize = --this.heapSize;
    const last = heap[heapSize] as number;
    if (heapSize > 0) {
      const key = dist[last] as number;
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= heapSize) break;
        const right = child + 1;
        if (
          right < heapSize &&
          (dist[heap[right] as number] as number) < (dist[heap[child] as number] as number)
        )
          child = right;
        const childNode = heap[child] as number;
        if ((dist[childNode] as number) >= key) break;
        heap[at] = childNode;
        heapPos[childNode] = at;
        at = child;
      }
      heap[at] = last;
      heapPos[last] = at;
    }
    return top;
  }

  lower(j: number, distance: number): void {
    if (this.state[j] === unseen) {
      this.touched[this.touchedCount++] = j;
      this.state[j] = inHeap;
      this.dist[j] = distance;
      const at = this.heapSize++;
      this.heap[at] = j;
      this.siftUp(at);
    } else {
      this.dist[j] = distance;
      this.siftUp(this.heapPos[j] as number);
    }
  }

  /** Forgets what the last search touched, so the next one starts clean. */
  clearSearch(): void {
    const { touched, dist, state } = this;
    for (let k = 0; k < this.touchedCount; k++) {
      const t = touched[k] as number;
      dist[t] = Number.POSITIVE_INFINITY;
      state[t] = unseen;
    }
    this.touchedCount = 0;
    this.heapSize = 0;
  }

  reachSeat(j: number, i: number, pair: number, distance: number): void {
    this.predMentee[j] = i;
    this.predPair[j] = pair;
    this.bound = distance;
    this.lower(j, distance);
  }

  /** Relaxes the pairs of mentee i reached at distance di; returns a free seat at distance di, if any. */
  relaxMentee(i: number, di: number): number {
    const { start, active, weight, rowMentor, mentorDual, dist, state, load, seats, predMentee, predPair } =
      this;
    const ui = this.menteeDual[i] as number;
    // Nothing in the heap is closer than di, so a free seat at di ends the search at once.
    if (di + ui < this.bound) {
      this.reachSeat(this.nobody, i, -1, di + ui);
      if (ui === 0) return this.nobody;
    }
    const from = start[i] as number;
    const to = from + (active[i] as number);
    this.reads += to - from;
    for (let e = from; e < to; e++) {
      const w = weight[e] as number;
      // Pairs come best first and mentor duals are non-negative, so the rest are at least this far.
      if (di + ui - w >= this.bound) break;
      const j = rowMentor[e] as number;
      const distance = di + ui + (mentorDual[j] as number) - w;
      if (distance >= this.bound || distance >= (dist[j] as number) || state[j] === settled) continue;
      if ((load[j] as number) < (seats[j] as number)) {
        this.reachSeat(j, i, e, distance);
        if (distance === di) return j;
      } else {
        predMentee[j] = i;
        predPair[j] = e;
        this.lower(j, distance);
      }
    }
    return -1;
  }

  detach(i: number): void {
    const j = this.assigned[i] as number;
    if (j >= 0 && j !== this.nobody) {
      const before = this.previousMentee[i] as number;
      const after = this.nextMentee[i] as number;
      if (before >= 0) this.nextMentee[before] = after;
      else this.firstMentee[j] = after;
      if (after >= 0) this.previousMentee[after] = before;
    }
    if (j >= 0) this.load[j] = (this.load[j] as number) - 1;
    this.assigned[i] = free;
    this.assignedPair[i] = -1;
  }

  attach(i: number, j: number, pair: number): void {
    this.assigned[i] = j;
    this.assignedPair[i] = pair;
    this.load[j] = (this.load[j] as number) + 1;
    if (j === this.nobody) return;
    const head = this.firstMentee[j] as number;
    this.previousMentee[i] = -1;
    this.nextMentee[i] = head;
    if (head >= 0) this.previousMentee[head] = i;
    this.firstMentee[j] = i;
  }

  /**
   * The mentee's dual from its best gain; then, if pair e is one of its best and its mentor has a free
   * seat, the mentee takes it (a search from it would end there at distance 0).
   */
  placeOnPair(i: number, e: number): boolean {
    const { start, active, weight, rowMentor, mentorDual } = this;
    let best = 0;
    const from = start[i] as number;
    const to = from + (active[i] as number);
    for (let f = from; f < to; f++) {
      const w = weight[f] as number;
      if (w <= best) break;
      const gain = w - (mentorDual[rowMentor[f] as number] as number);
      if (gain > best) best = gain;
    }
    const j = rowMentor[e] as number;
    if ((weight[e] as number) - (mentorDual[j] as number) !== best) return false;
    if ((this.load[j] as number) >= (this.seats[j] as number)) return false;
    this.menteeDual[i] = best;
    this.attach(i, j, e);
    return true;
  }

  placeMentee(i0: number): void {
    const { start, active, weight, rowMentor, mentorDual, menteeDual, load, seats, dist, state } = this;
    let best = 0;
    const from = start[i0] as number;
    const to = from + (active[i0] as number);
    for (let e = from; e < to; e++) {
      const w = weight[e] as number;
      // Pairs come best first and mentor duals are non-negative: no later pair gains more than w.
      if (w <= best) break;
      const gain = w - (mentorDual[rowMentor[e] as number] as number);
      if (gain > best) best = gain;
    }
    menteeDual[i0] = best;
    // A search would end at once, at distance 0, on "nobody" when nothing pays, or on a best pair with a
    // free seat: take it without one. This is how most mentees are placed when competition is low.
    if (best === 0) {
      this.attach(i0, this.nobody, -1);
      return;
    }
    for (let e = from; e < to; e++) {
      const w = weight[e] as number;
      if (w < best) break;
      const j = rowMentor[e] as number;
      if (w - (mentorDual[j] as number) === best && (load[j] as number) < (seats[j] as number)) {
        this.attach(i0, j, e);
        return;
      }
    }

    const { settledMentors, settledMentees, settledMenteeDist, firstMentee, nextMentee } = this;
    let settledMentorCount = 0;
    let settledMenteeCount = 1;
    settledMentees[0] = i0;
    settledMenteeDist[0] = 0;
    this.bound = Number.POSITIVE_INFINITY;
    let end = this.relaxMentee(i0, 0);
    let reach = 0;
    while (end < 0) {
      const j = this.popMin();
      reach = dist[j] as number;
      if ((load[j] as number) < (seats[j] as number)) {
        end = j;
        break;
      }
      state[j] = settled;
      settledMentors[settledMentorCount++] = j;
      for (let i = firstMentee[j] as number; i >= 0; i = nextMentee[i] as number) {
        settledMentees[settledMenteeCount] = i;
        settledMenteeDist[settledMenteeCount++] = reach;
        end = this.relaxMentee(i, reach);
        if (end >= 0) break;
      }
    }
    reach = dist[end] as number;

    for (let k = 0; k < settledMenteeCount; k++) {
      const i = settledMentees[k] as number;
      menteeDual[i] = (menteeDual[i] as number) - (reach - (settledMenteeDist[k] as number));
    }
    for (let k = 0; k < settledMentorCount; k++) {
      const j = settledMentors[k] as number;
      mentorDual[j] = (mentorDual[j] as number) + (reach - (dist[j] as number));
    }

    let j = end;
    for (;;) {
      const i = this.predMentee[j] as number;
      const previous = this.assigned[i] as number;
      const pair = this.predPair[j] as number;
      this.detach(i);
      this.attach(i, j, pair);
      if (i === i0) break;
      j = previous;
    }
    this.clearSearch();
  }

  /**
   * Checks every feasible pair against the dual. A pair the mentee would prefer joins its candidates and
   * the mentee's dual rises to cover it, which unplaces the mentee; its mentor may be left with an empty
   * seat and a positive dual, which fillSeat then repairs. Returns the number of mentees whose dual rose.
   */
  priceAllPairs(): number {
    const { n, start, active, weight, rowMentor, mentorDual, menteeDual, assigned } = this;
    let violated = 0;
    for (let i = 0; i < n; i++) {
      const ui = menteeDual[i] as number;
      let best = ui;
      // Candidates already satisfy u + v >= w (the searches keep it so): only the other pairs are priced.
      const first = start[i] as number;
      const from = first + (active[i] as number);
      const to = start[i + 1] as number;
      for (let e = from; e < to; e++) {
        const w = weight[e] as number;
        // Rows are sorted by weight and duals are non-negative: no later pair can beat what i earns.
        if (w <= ui) break;
        const gain = w - (mentorDual[rowMentor[e] as number] as number);
        if (gain > ui) {
          active[i] = e - first + 1;
          if (gain > best) best = gain;
        }
      }
      if (best === ui) continue;
      violated++;
      menteeDual[i] = best;
      const j = assigned[i] as number;
      if (j === free) continue;
      this.detach(i);
      this.freeMentees[this.freeCount++] = i;
      if (j !== this.nobody && (mentorDual[j] as number) > 0) this.deficits[this.deficitCount++] = j;
    }
    return violated;
  }

  /**
   * Candidate pairs by mentor, best score first, rebuilt when candidates change, for the searches that
   * walk backwards (fillSeat): the order lets them stop reading a mentor's pairs early.
   */
  indexCandidatesByMentor(): void {
    const { n, m, start, active, rowMentor, rowScore, columnStart } = this;
    columnStart.fill(0);
    const byScore = new Int32Array(maxPairScore + 2);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const from = start[i] as number;
      const to = from + (active[i] as number);
      count += to - from;
      for (let e = from; e < to; e++) {
        const slot = (rowMentor[e] as number) + 1;
        columnStart[slot] = (columnStart[slot] as number) + 1;
        const rank = maxPairScore - (rowScore[e] as number) + 1;
        byScore[rank] = (byScore[rank] as number) + 1;
      }
    }
    for (let j = 0; j < m; j++)
      columnStart[j + 1] = (columnStart[j + 1] as number) + (columnStart[j] as number);
    for (let s = 1; s < byScore.length; s++) byScore[s] = (byScore[s] as number) + (byScore[s - 1] as number);
    if (this.columnPair.length < count) {
      this.columnPair = new Int32Array(count);
      this.columnMentee = new Int32Array(count);
    }
    // A counting sort by score first, then a stable scatter into the mentors' columns.
    const sortedPair = new Int32Array(count);
    const sortedMentee = new Int32Array(count);
    for (let i = 0; i < n; i++) {
      const from = start[i] as number;
      const to = from + (active[i] as number);
      for (let e = from; e < to; e++) {
        const rank = maxPairScore - (rowScore[e] as number);
        const at = byScore[rank] as number;
        byScore[rank] = at + 1;
        sortedPair[at] = e;
        sortedMentee[at] = i;
      }
    }
    const { columnPair, columnMentee } = this;
    const fill = columnStart.slice(0, m);
    for (let k = 0; k < count; k++) {
      const e = sortedPair[k] as number;
      const j = rowMentor[e] as number;
      const at = fill[j] as number;
      columnPair[at] = e;
      columnMentee[at] = sortedMentee[k] as number;
      fill[j] = at + 1;
    }
  }

  /**
   * Mentor j0 has an empty seat but a positive dual, which the optimality conditions forbid. A shortest
   * path search backwards from j0 finds the cheapest repair: a chain of mentees moving one mentor closer,
   * started by an unplaced mentee or by a mentor whose dual drops to zero (possibly j0 itself).
   */
  fillSeat(j0: number): void {
    const {
      nobody,
      weight,
      rowMentor,
      mentorDual,
      menteeDual,
      assigned,
      dist,
      state,
      heap,
      columnStart,
      columnPair,
      columnMentee,
      settledMentors,
      predMentee,
      predPair,
      firstMentee,
      nextMentee,
    } = this;
    let best = Number.POSITIVE_INFINITY;
    let startMentor = -1;
    let startMentee = -1;
    let startPair = -1;
    let settledMentorCount = 0;
    this.lower(j0, 0);
    while (this.heapSize > 0) {
      const x = heap[0] as number;
      const dx = dist[x] as number;
      if (dx >= best) break;
      this.popMin();
      state[x] = settled;
      settledMentors[settledMentorCount++] = x;
      const vx = mentorDual[x] as number;
      const reach = dx + vx;
      if (reach < best) {
        best = reach;
        startMentor = x;
        startMentee = -1;
      }
      const columnFrom = columnStart[x] as number;
      const columnTo = columnStart[x + 1] as number;
      let p = columnFrom;
      for (; p < columnTo; p++) {
        const e = columnPair[p] as number;
        const w = weight[e] as number;
        // Pairs come best first and mentee duals are non-negative: the rest are at least this far.
        if (reach - w >= best) break;
        const i = columnMentee[p] as number;
        const y = assigned[i] as number;
        if (y === x) continue;
        const distance = reach + (menteeDual[i] as number) - w;
        if (y === free || y === nobody) {
          if (distance < best) {
            best = distance;
            startMentee = i;
            startPair = e;
            startMentor = -1;
          }
        } else if (state[y] !== settled && distance < (dist[y] as number)) {
          predMentee[y] = i;
          predPair[y] = e;
          this.lower(y, distance);
        }
      }
      this.reads += p - columnFrom;
    }

    // Lowering a mentor's dual keeps its current pairs tight by raising its mentees' duals as much.
    for (let k = 0; k < settledMentorCount; k++) {
      const x = settledMentors[k] as number;
      const delta = best - (dist[x] as number);
      mentorDual[x] = (mentorDual[x] as number) - delta;
      for (let i = firstMentee[x] as number; i >= 0; i = nextMentee[i] as number)
        menteeDual[i] = (menteeDual[i] as number) + delta;
    }

    let current = startMentor;
    if (startMentee >= 0) {
      current = rowMentor[startPair] as number;
      this.detach(startMentee);
      this.attach(startMentee, current, startPair);
    }
    while (current !== j0) {
      const i = predMentee[current] as number;
      const e = predPair[current] as number;
      const next = rowMentor[e] as number;
      this.detach(i);
      this.attach(i, next, e);
      current = next;
    }
    this.clearSearch();
  }
}

function pairCountOf(active: Int32Array): number {
  let count = 0;
  for (let i = 0; i < active.length; i++) count += active[i] as number;
  return count;
}

/**
 * Places every mentee, repairs free seats with a positive dual, and prices every pair, round after
 * round, until the dual proves the matching optimal; returns the number of rounds. initialPairs (the
 * auction's assignment) are kept where still tight. Returns -1, leaving the state unusable, once the
 * searches and repairs have read more than readBudget pairs.
 */
function settleRounds(
  search: MatchingSearch,
  initialPairs: Int32Array | undefined,
  repairFreeSeats: boolean,
  readBudget: number,
  report: (progress: MatchingProgress) => void,
): number {
  const { n, m, assigned, load, seats, mentorDual } = search;
  for (let i = 0; i < n; i++) {
    const e = initialPairs ? (initialPairs[i] as number) : -1;
    if (e < 0 || !search.placeOnPair(i, e)) search.freeMentees[search.freeCount++] = i;
  }
  let round = 0;
  for (;;) {
    round++;
    if (search.deficitCount > 0) search.indexCandidatesByMentor();
    for (let k = 0; k < search.deficitCount; k++) {
      const j = search.deficits[k] as number;
      while ((load[j] as number) < (seats[j] as number) && (mentorDual[j] as number) > 0) {
        search.fillSeat(j);
        if (search.reads > readBudget) return -1;
      }
    }
    search.deficitCount = 0;
    const total = search.freeCount;
    const every = Math.max(1024, total >> 6);
    for (let k = 0; k < total; k++) {
      const i = search.freeMentees[k] as number;
      if (assigned[i] === free) search.placeMentee(i);
      if (k % every === 0) {
        if (search.reads > readBudget) return -1;
        report({ phase: "matching", done: k, total, round });
      }
    }
    search.freeCount = 0;
    report({ phase: "pricing", done: total, total, round });
    const violated = search.priceAllPairs();
    // Placing never leaves a free seat with a positive dual, but a warm start's or an auction's duals can.
    if (repairFreeSeats && round === 1)
      for (let j = 0; j < m; j++)
        if ((load[j] as number) < (seats[j] as number) && (mentorDual[j] as number) > 0)
          search.deficits[search.deficitCount++] = j;
    if (violated === 0 && search.deficitCount === 0) return round;
  }
}

/**
 * Maximum-weight bipartite b-matching by successive shortest augmenting paths (Jonker–Volgenant style:
 * one Dijkstra per unplaced mentee, stopped at the first mentor with a free seat), first on each
 * mentee's best candidates, then priced over every feasible pair until the dual proves optimality.
 */
export function solveMatching(problem: MatchingProblem, options: SolveMatchingOptions): MatchingResult {
  const { menteeCount: n, mentorCount: m } = problem;
  const report = options.onProgress ?? (() => {});
  const candidateLimit = Math.max(1, options.candidateLimit ?? defaultCandidateLimit);
  report({ phase: "preparing", done: 0, total: n, round: 0 });

  const { scale, bonus } = internalWeightScale(options.mode, n);
  const rows = buildPairRows(problem, scale, bonus);
  const { start, mentor: rowMentor, weight } = rows;

  // A mentor never holds more mentees than it has feasible pairs; clamping keeps "has a free seat" honest.
  const seats = rows.degree;
  for (let j = 0; j < m; j++) seats[j] = Math.min(seats[j] as number, problem.capacity[j] as number);
  // Index m is "nobody": a mentor with endless seats whose pairs are worth 0.
  seats[m] = n + 1;

  const active = new Int32Array(n);
  for (let i = 0; i < n; i++)
    active[i] = Math.min(candidateLimit, (start[i + 1] as number) - (start[i] as number));

  const menteeDual = new Float64Array(n);
  const mentorDual = new Float64Array(m + 1);
  const warm = options.warmStart;
  if (warm) {
    if (warm.menteeDual.length !== n || warm.mentorDual.length !== m)
      throw new RangeError(
        `warm start duals are for ${warm.menteeDual.length} mentees and ${warm.mentorDual.length} mentors, not ${n} and ${m}`,
      );
    // Any non-negative integer mentor duals are a valid start; a dual above the largest weight is never
    // needed. Rounding keeps every later sum an exact integer.
    const maxWeight = scale * maxPairScore + bonus;
    for (let j = 0; j < m; j++) {
      const v = warm.mentorDual[j] as number;
      mentorDual[j] = v > 0 ? Math.min(Math.round(v), maxWeight) : 0;
    }
  }
  // Heavily contested cohorts start from auction prices: the searches then stay short (measured: on the
  // 10k heavily contested cohort almost no search is left, where starting from zero costs a long search
  // per mentee). Elsewhere the auction's overshooting prices cost more to repair than they save.
  const startFrom = options.start ?? "auto";
  let fromPrices = false;
  // The pair each mentee holds when the auction ends (-1 for none), kept where it is still tight.
  const auctionPair = new Int32Array(n).fill(-1);
  if (
    !warm &&
    (startFrom === "auction" ||
      (startFrom === "auto" && firstChoiceExcess(n, m, start, rowMentor, seats) >= auctionStartExcess))
  ) {
    const maxWeight = scale * maxPairScore + bonus;
    auctionMentorPrices(
      n,
      m,
      start,
      active,
      rowMentor,
      weight,
      seats,
      mentorDual,
      auctionPair,
      Math.max(1, Math.floor(maxWeight / 16)),
      1,
      4,
    );
    fromPrices = true;
  }
  const candidates = active.slice();
  const newSearch = () =>
    new MatchingSearch(n, m, start, rowMentor, rows.score, weight, active, seats, menteeDual, mentorDual);
  let search = newSearch();
  let startedFrom: MatchingResult["startedFrom"] = warm ? "warm" : fromPrices ? "auction" : "zero";
  let round = settleRounds(
    search,
    fromPrices ? auctionPair : undefined,
    warm !== undefined || fromPrices,
    fromPrices
      ? (options.auctionRepairBudget ?? auctionRepairBudget) * pairCountOf(candidates)
      : Number.POSITIVE_INFINITY,
    report,
  );
  if (round < 0) {
    // The auction's prices cost more to repair than they save: start again from zero duals.
    active.set(candidates);
    menteeDual.fill(0);
    mentorDual.fill(0);
    search = newSearch();
    startedFrom = "auction, then zero";
    round = settleRounds(search, undefined, false, Number.POSITIVE_INFINITY, report);
  }

  const mentorOf = new Int32Array(n).fill(-1);
  let matched = 0;
  let score = 0;
  let candidatePairs = 0;
  for (let i = 0; i < n; i++) {
    candidatePairs += active[i] as number;
    const j = search.assigned[i] as number;
    if (j === m) continue;
    mentorOf[i] = j;
    matched++;
    score += rows.score[search.assignedPair[i] as number] as number;
  }
  report({ phase: "done", done: n, total: n, round });
  return {
    mentorOf,
    matched,
    score,
    menteeDual,
    mentorDual: mentorDual.slice(0, m),
    pricingRounds: round,
    candidatePairs,
    startedFrom,
  };
}
