/**
 * Maximum flow (Dinic's algorithm) on a small integer network. The B2B upper
 * bound needs it to compute a degree-constrained matching; graphs there have
 * a few hundred nodes and a few thousand arcs, so plain arrays suffice.
 */
export class FlowNetwork {
  private readonly head: Int32Array;
  private readonly next: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  addArc(from: number, to: number, capacity: number): void {
    // Arcs are stored in pairs so that arc ^ 1 is always the residual twin.
    for (const [a, b, c] of [
      [from, to, capacity],
      [to, from, 0],
    ] as const) {
      this.to.push(b);
      this.cap.push(c);
      this.next.push(this.head[a]!);
      this.head[a] = this.to.length - 1;
    }
  }

  maxFlow(source: number, sink: number): number {
    let flow = 0;
    const level = new Int32Array(this.nodeCount);
    const cursor = new Int32Array(this.nodeCount);
    while (this.levels(source, sink, level)) {
      cursor.set(this.head);
      for (let pushed = this.push(source, sink, Infinity, level, cursor); pushed > 0; pushed = this.push(source, sink, Infinity, level, cursor)) {
        flow += pushed;
      }
    }
    return flow;
  }

  private levels(source: number, sink: number, level: Int32Array): boolean {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const x = queue[i]!;
      for (let e = this.head[x]!; e !== -1; e = this.next[e]!) {
        const y = this.to[e]!;
        if (this.cap[e]! > 0 && level[y] === -1) {
          level[y] = level[x]! + 1;
          queue.push(y);
        }
      }
    }
    return level[sink] !== -1;
  }

  private push(x: number, sink: number, limit: number, level: Int32Array, cursor: Int32Array): number {
    if (x === sink) return limit;
    for (; cursor[x] !== -1; cursor[x] = this.next[cursor[x]!]!) {
      const e = cursor[x]!;
      const y = this.to[e]!;
      if (this.cap[e]! <= 0 || level[y] !== level[x]! + 1) continue;
      const pushed = this.push(y, sink, Math.min(limit, this.cap[e]!), level, cursor);
      if (pushed > 0) {
        this.cap[e]! -= pushed;
        this.cap[e ^ 1]! += pushed;
        return pushed;
      }
    }
    return 0;
  }
}
