/** The user's choice for a panel: folded (true), open (false), or none made (null: it folds by itself, see auto-fold.ts). */
export function readFoldChoice(key: string): boolean | null {
  try {
    const value = localStorage.getItem(key);
    return value === 'folded' ? true : value === 'open' ? false : null;
  } catch {
    return null;
  }
}

export function writeFold(key: string, folded: boolean): void {
  try {
    localStorage.setItem(key, folded ? 'folded' : 'open');
  } catch {
    // Storage may be off: the fold lasts for this page.
  }
}
