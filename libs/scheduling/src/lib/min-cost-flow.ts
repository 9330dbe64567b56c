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
        const queue = [source];
        for (let qi = 0; qi < queue.length; qi++) {
          const u = queue[qi];
          for (let e = this.head[u]; e >= 0; e = this.next[e]) {
            const v = this.to[e];
            if (this.cap[e] > 0 && level[v] < 0 && Math.abs(this.cost[e] + potential[u] - potential[v]) <= eps) {
              level[v] = level[u] + 1;
              queue.push(v);
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

  private augment(
    u: number,
    sink: number,
    limit: number,
    level: Int32Array,
    current: Int32Array,
    potential: Float64Array,
    eps: number,
  ): number {
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
    const heap = new BinaryHeap();
    heap.push(source, 0);
    while (heap.size > 0) {
      const [u, d] = heap.pop();
      if (d > dist[u]) continue;
      for (let e = this.head[u]; e >= 0; e = this.next[e]) {
        if (this.cap[e] <= 0) continue;
        const v = this.to[e];
        const nd = d + Math.max(0, this.cost[e] + potential[u] - potential[v]);
        if (nd < dist[v]) {
          dist[v] = nd;
          heap.push(v, nd);
        }
      }
    }
  }
}

class BinaryHeap {
  private keys: number[] = [];
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number, key: number): void {
    let i = this.items.length;
    this.items.push(item);
    this.keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.items[i] = this.items[parent];
      this.keys[i] = this.keys[parent];
      i = parent;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }
  pop(): [number, number] {
    const top: [number, number] = [this.items[0], this.keys[0]];
    const item = this.items.pop() as number;
    const key = this.keys.pop() as number;
    const n = this.items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && this.keys[child + 1] < this.keys[child]) child++;
        if (this.keys[child] >= key) break;
        this.items[i] = this.items[child];
        this.keys[i] = this.keys[child];
        i = child;
      }
      this.items[i] = item;
      this.keys[i] = key;
    }
    return top;
  }
}
