/**
 * Maximum-weight flow by successive shortest paths (primal–dual): Dijkstra
 * with potentials finds the cheapest augmenting distance, then a blocking flow
 * pushes along every arc of zero reduced cost at once. It stops when no
 * augmenting path has negative cost, so the result is a min-cost flow of any
 * value, which is what a weight-maximising relaxation needs. Arc costs are
 * integers or not; all arcs start from a DAG so the first potentials are exact.
 */
export class MinCostFlow {
  private head: number[];
  private to: number[] | Int32Array = [];
  private next: number[] | Int32Array = [];
  private cap: number[] | Float64Array = [];
  private cost: number[] | Float64Array = [];

  constructor(private readonly nodes: number) {
    this.head = new Array(nodes).fill(-1);
  }

  addArc(from: number, to: number, capacity: number, cost: number): void {
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    (this.to as number[]).push(to);
    (this.cap as number[]).push(capacity);
    (this.cost as number[]).push(cost);
    (this.next as number[]).push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Typed arrays for the solve: several times faster to scan. */
  private freeze(): void {
    this.to = Int32Array.from(this.to);
    this.next = Int32Array.from(this.next);
    this.cap = Float64Array.from(this.cap);
    this.cost = Float64Array.from(this.cost);
  }

  /** Flow on the arc added as the k-th call to addArc. */
  flowOn(k: number): number {
    return this.cap[2 * k + 1];
  }

  /** Minimum cost over all flow values from source to sink; `topo` lists the nodes in topological order. */
  solve(source: number, sink: number, topo: readonly number[]): number {
    const n = this.nodes;
    this.freeze();
    const potential = new Float64Array(n).fill(Infinity);
    potential[source] = 0;
    for (const u of topo) {
      if (potential[u] === Infinity) continue;
      for (let e = this.head[u]; e >= 0; e = this.next[e]) {
        if (this.cap[e] > 0 && potential[u] + this.cost[e] < potential[this.to[e]]) {
          potential[this.to[e]] = potential[u] + this.cost[e];
        }
      }
    }
    for (let v = 0; v < n; v++) if (potential[v] === Infinity) potential[v] = 0;
    let total = 0;
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const queue = new Int32Array(n);
    const eps = 1e-9;
    for (;;) {
      this.dijkstra(source, potential, dist);
      if (dist[sink] === Infinity) break;
      let maxDist = 0;
      for (let v = 0; v < n; v++) if (dist[v] !== Infinity && dist[v] > maxDist) maxDist = dist[v];
      for (let v = 0; v < n; v++) potential[v] += dist[v] === Infinity ? maxDist : dist[v];
      const pathCost = potential[sink] - potential[source];
      if (pathCost >= -eps) break;
      // blocking flows on the admissible (zero reduced cost) arcs
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        queue[0] = source;
        for (let qi = 0, qn = 1; qi < qn; qi++) {
          const u = queue[qi];
          for (let e = this.head[u]; e >= 0; e = this.next[e]) {
            const v = this.to[e];
            if (this.cap[e] > 0 && level[v] < 0 && Math.abs(this.cost[e] + potential[u] - potential[v]) <= eps) {
              level[v] = level[u] + 1;
              queue[qn++] = v;
            }
          }
        }
        if (level[sink] < 0) break;
        for (let v = 0; v < n; v++) current[v] = this.head[v];
        for (;;) {
          const pushed = this.augment(source, sink, Infinity, level, current, potential, eps);
          if (pushed <= 0) break;
          total += pushed * pathCost;
        }
      }
    }
    return total;
  }

  private augment(u: number, sink: number, limit: number, level: Int32Array, current: Int32Array, potential: Float64Array, eps: number): number {
    if (u === sink) return limit;
    for (; current[u] >= 0; current[u] = this.next[current[u]]) {
      const e = current[u];
      const v = this.to[e];
      if (this.cap[e] <= 0 || level[v] !== level[u] + 1) continue;
      if (Math.abs(this.cost[e] + potential[u] - potential[v]) > eps) continue;
      const pushed = this.augment(v, sink, Math.min(limit, this.cap[e]), level, current, potential, eps);
      if (pushed > 0) {
        this.cap[e] -= pushed;
        this.cap[e ^ 1] += pushed;
        return pushed;
      }
    }
    return 0;
  }

  private dijkstra(source: number, potential: Float64Array, dist: Float64Array): void {
    dist.fill(Infinity);
    dist[source] = 0;
    const heap = this.heap ?? (this.heap = new IndexedHeap(this.to.length + this.nodes + 1));
    heap.clear();
    heap.push(source, 0);
    const { head, next, to, cap, cost } = this;
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (d > dist[u]) continue;
      for (let e = head[u]; e >= 0; e = next[e]) {
        if (cap[e] <= 0) continue;
        const v = to[e];
        const reduced = cost[e] + potential[u] - potential[v];
        const nd = d + (reduced > 0 ? reduced : 0);
        if (nd < dist[v]) {
          dist[v] = nd;
          heap.push(v, nd);
        }
      }
    }
  }

  private heap: IndexedHeap | null = null;
}

/** A binary min-heap on typed arrays (lazy deletion: an item may sit in it more than once). */
class IndexedHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }
  clear(): void {
    this.size = 0;
  }
  topKey(): number {
    return this.keys[0];
  }
  push(item: number, key: number): void {
    const { items, keys } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      items[i] = items[parent];
      keys[i] = keys[parent];
      i = parent;
    }
    items[i] = item;
    keys[i] = key;
  }
  pop(): number {
    const { items, keys } = this;
    const top = items[0];
    const n = --this.size;
    const item = items[n];
    const key = keys[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      items[i] = items[child];
      keys[i] = keys[child];
      i = child;
    }
    items[i] = item;
    keys[i] = key;
    return top;
  }
}
