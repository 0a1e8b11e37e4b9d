/** Whether a panel over the canvas (legend, overview) is folded away, remembered in this browser. */
export function readFold(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'folded';
  } catch {
    return false;
  }
}

export function writeFold(key: string, folded: boolean): void {
  try {
    localStorage.setItem(key, folded ? 'folded' : 'open');
  } catch {
    // Storage may be off: the fold lasts for this page.
  }
}
