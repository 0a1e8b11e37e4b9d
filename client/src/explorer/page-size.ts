/** How many neighbours one expansion brings: a preference of this browser, kept in localStorage. */
export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;
const PAGE_SIZE_KEY = 'fingraph.pageSize';

export function readPageSize(): number {
  try {
    const stored = Number(localStorage.getItem(PAGE_SIZE_KEY));
    return (PAGE_SIZES as readonly number[]).includes(stored) ? stored : PAGE_SIZES[0];
  } catch {
    return PAGE_SIZES[0];
  }
}

export function storePageSize(size: number): void {
  try {
    localStorage.setItem(PAGE_SIZE_KEY, String(size));
  } catch {
    // Storage may be off (private windows); the choice then lasts for this page only.
  }
}
