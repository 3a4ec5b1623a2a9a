import type { ProcessRow } from '../../../shared/payloads';
import { COLUMN_BY_ID } from './columns';
import { compareValues, keyOf, type ProcessKey, type SortSpec } from './table';

/** A subtree's sums: what the parent row shows (Σ) in tree view. */
export interface Totals {
  cpuPercent: number;
  rss: number;
  memoryPercent: number;
  numThreads: number;
  readBytesPerSec: number;
  writeBytesPerSec: number;
  /** Processes in the subtree, this one included. */
  count: number;
}

export interface TreeNode {
  row: ProcessRow;
  key: ProcessKey;
  children: TreeNode[];
  totals: Totals;
}

function own(row: ProcessRow): Totals {
  return {
    cpuPercent: row.cpuPercent ?? 0,
    rss: row.rss,
    memoryPercent: row.memoryPercent,
    numThreads: row.numThreads,
    readBytesPerSec: row.readBytesPerSec ?? 0,
    writeBytesPerSec: row.writeBytesPerSec ?? 0,
    count: 1,
  };
}

function add(a: Totals, b: Totals): void {
  a.cpuPercent += b.cpuPercent;
  a.rss += b.rss;
  a.memoryPercent += b.memoryPercent;
  a.numThreads += b.numThreads;
  a.readBytesPerSec += b.readBytesPerSec;
  a.writeBytesPerSec += b.writeBytesPerSec;
  a.count += b.count;
}

/**
 * Parent → children forest with totals rolled up. A process whose parent is
 * not in `rows` (pid 0's children, or a parent filtered away) is a root. A
 * parent started after its "child" is a reused pid, not the parent: root too.
 */
export function buildTree(rows: readonly ProcessRow[]): TreeNode[] {
  const nodes = new Map<number, TreeNode>();
  for (const row of rows) nodes.set(row.pid, { row, key: keyOf(row), children: [], totals: own(row) });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.row.ppid !== node.row.pid ? nodes.get(node.row.ppid) : undefined;
    if (parent && parent.row.createTime <= node.row.createTime) parent.children.push(node);
    else roots.push(node);
  }
  // Post-order without recursion: a deep chain must not overflow the stack.
  const order: TreeNode[] = [];
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    stack.push(...n.children);
  }
  for (let i = order.length - 1; i >= 0; i--) for (const c of order[i]!.children) add(order[i]!.totals, c.totals);
  return roots;
}

/** What the tree sorts siblings by: the subtree total for the summed columns, the row's own value otherwise. */
function treeValue(node: TreeNode, sort: SortSpec): number | string | null {
  const t = node.totals;
  switch (sort.column) {
    case 'cpu':
      return t.cpuPercent;
    case 'rss':
      return t.rss;
    case 'mem':
      return t.memoryPercent;
    case 'threads':
      return t.numThreads;
    case 'read':
      return t.readBytesPerSec;
    case 'write':
      return t.writeBytesPerSec;
    default:
      return COLUMN_BY_ID.get(sort.column)!.value(node.row);
  }
}

export interface FlatNode {
  node: TreeNode;
  depth: number;
  /** Whether the node's children are hidden (only meaningful when it has some). */
  collapsed: boolean;
}

/**
 * The visible rows of the tree, depth first, siblings sorted by `sort`.
 * `keep` (when given) limits the tree to matching processes and their
 * ancestors, so a search still shows where a match lives.
 */
export function flattenTree(roots: readonly TreeNode[], sort: SortSpec, collapsed: ReadonlySet<ProcessKey>, keep?: (row: ProcessRow) => boolean): FlatNode[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const cmp = (a: TreeNode, b: TreeNode) => sign * compareValues(treeValue(a, sort), treeValue(b, sort)) || a.row.pid - b.row.pid;
  const kept = new Set<TreeNode>();
  if (keep) {
    const mark = (n: TreeNode): boolean => {
      let any = keep(n.row);
      for (const c of n.children) if (mark(c)) any = true;
      if (any) kept.add(n);
      return any;
    };
    for (const r of roots) mark(r);
  }
  const out: FlatNode[] = [];
  const visit = (list: readonly TreeNode[], depth: number) => {
    const shown = keep ? list.filter((n) => kept.has(n)) : [...list];
    shown.sort(cmp);
    for (const n of shown) {
      const isCollapsed = collapsed.has(n.key);
      out.push({ node: n, depth, collapsed: isCollapsed });
      if (!isCollapsed && n.children.length) visit(n.children, depth + 1);
    }
  };
  visit(roots, 0);
  return out;
}
