/**
 * Kahn's algorithm over compressed successor rows, O(V + E). Returns the nodes in an order where
 * every edge points forward; fewer than n nodes means the rest lie on or behind a cycle.
 */
export function topologicalOrder(n: number, succStart: Int32Array, succNode: Int32Array): Int32Array {
  const inDegree = new Int32Array(n);
  for (let e = 0; e < succNode.length; e++) {
    const s = succNode[e] as number;
    inDegree[s] = (inDegree[s] as number) + 1;
  }
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (inDegree[i] === 0) order[tail++] = i;
  // `order` doubles as the queue: head reads, tail appends.
  for (let head = 0; head < tail; head++) {
    const v = order[head] as number;
    for (let e = succStart[v] as number, end = succStart[v + 1] as number; e < end; e++) {
      const s = succNode[e] as number;
      const left = (inDegree[s] as number) - 1;
      inDegree[s] = left;
      if (left === 0) order[tail++] = s;
    }
  }
  return tail === n ? order : order.slice(0, tail);
}
