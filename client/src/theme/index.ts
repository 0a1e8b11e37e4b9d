/**
 * Light or dark: the system's choice (`prefers-color-scheme`) until the user picks one with the
 * header's toggle, which this browser then remembers (localStorage). The page's colours are CSS
 * custom properties switched by `data-theme` on <html>; the canvas gets its colours here.
 */
import type { Core } from 'cytoscape';
import { CANVAS_THEMES, setCanvasTheme } from '../graph';

export type Theme = 'light' | 'dark';
export const THEME_KEY = 'fingraph.theme';

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function store(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage may be off (private windows); the choice then lasts for this page only.
  }
}

/** The page's background colour as drawn now (exports use it). */
export function canvasBackground(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--canvas').trim() || '#ffffff';
}

export function attachTheme(cy: Core, toggle: HTMLButtonElement): { readonly theme: Theme } {
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  let chosen = stored();
  let current: Theme = 'light';
  const apply = (): void => {
    const next: Theme = chosen ?? (system.matches ? 'dark' : 'light');
    document.documentElement.dataset.theme = next;
    toggle.setAttribute('aria-pressed', String(next === 'dark'));
    toggle.title = next === 'dark' ? 'Dark mode (click for light)' : 'Light mode (click for dark)';
    toggle.textContent = next === 'dark' ? '☾' : '☀';
    if (next !== current) setCanvasTheme(cy, CANVAS_THEMES[next]);
    current = next;
  };
  // The style sheet was built light; a dark start switches it before the first view is drawn.
  apply();
  system.addEventListener('change', apply);
  toggle.addEventListener('click', () => {
    chosen = current === 'dark' ? 'light' : 'dark';
    store(chosen);
    apply();
  });
  return {
    get theme() {
      return current;
    },
  };
}
