/** "M-3 → M-7 → M-3": the cycle named by its milestones' keys, first one repeated at the end. */
export const cycleMessage = (keys: readonly string[]): string => `These links would form a cycle: ${[...keys, keys[0]].join(' → ')}.`;

/**
 * One cycle among the nodes a topological sort left over (`sorted` holds the ones it placed), in
 * link direction. A node is left over only when a predecessor is too, so walking predecessors
 * within them must repeat a node; the repeated stretch, reversed, is a cycle.
 */
export function findCycleAmong(n: number, predStart: Int32Array, predNode: Int32Array, sorted: Int32Array): number[] {
  const placed = new Uint8Array(n);
  for (const v of sorted) placed[v] = 1;
  const stepOf = new Int32Array(n).fill(-1);
  const path: number[] = [];
  let v = placed.indexOf(0);
  while (stepOf[v] === -1) {
    stepOf[v] = path.length;
    path.push(v);
    let e = predStart[v] as number;
    while (placed[predNode[e] as number]) e++;
    v = predNode[e] as number;
  }
  return path.slice(stepOf[v]).reverse();
}
