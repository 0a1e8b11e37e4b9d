/**
 * The transaction memory limits of the local Neo4j, derived from its heap (pure).
 *
 * Neo4j enforces `dbms.memory.transaction.total.max` (all transactions together) and
 * `db.memory.transaction.max` (one transaction) on the memory it *tracks*: the state of operators
 * such as collect(), ORDER BY, DISTINCT, aggregation and eager buffers. Values built while one
 * expression is evaluated (a list comprehension over range(), reduce(), string concatenation) are
 * not tracked, so no setting stops them: they grow until the heap is full, and the JVM then exits
 * (-XX:+ExitOnOutOfMemoryError, as Neo4j's own scripts set it) and the supervisor starts it again.
 * The limits below keep the tracked part well inside the heap, so that tracked queries fail with
 * Neo4j's memory error instead of taking the heap with them.
 */

const UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Bytes of a JVM-style size such as 768m or 2g. */
export function parseMemorySize(size: string): number {
  const match = /^(\d+)([kmg])$/i.exec(size.trim());
  if (!match) throw new Error(`'${size}' is not a memory size such as 512m or 2g.`);
  return Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
}

/** At most this much for one transaction, however large the heap. */
export const TRANSACTION_MAX_BYTES = 512 * 1024 ** 2;

export interface TransactionMemoryLimits {
  /** dbms.memory.transaction.total.max: 70% of the heap (Neo4j's own default when unset). */
  total: string;
  /** db.memory.transaction.max: half of the total, at most 512 MiB. */
  perTransaction: string;
}

export function transactionMemoryLimits(heap: string): TransactionMemoryLimits {
  const mib = 1024 ** 2;
  const total = Math.floor((parseMemorySize(heap) * 0.7) / mib);
  const perTransaction = Math.min(TRANSACTION_MAX_BYTES / mib, Math.floor(total / 2));
  return { total: `${total}m`, perTransaction: `${perTransaction}m` };
}
