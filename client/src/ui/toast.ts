/** Short messages in a corner: errors stay until closed, the rest go by themselves. */
import { h } from './dom';

export type ToastKind = 'info' | 'error';

let container: HTMLElement | null = null;

export function toast(message: string, kind: ToastKind = 'info'): HTMLElement {
  if (!container) {
    container = h('div', { class: 'toasts', role: 'region', 'aria-label': 'Messages' });
    document.body.append(container);
  }
  const close = h('button', { class: 'toast-close', type: 'button', 'aria-label': 'Close message', onclick: () => item.remove() }, '×');
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `toast-${kind}` }, h('span', {}, message), close);
  container.append(item);
  if (kind === 'info') setTimeout(() => item.remove(), 5000);
  while (container.children.length > 5) container.firstElementChild?.remove();
  return item;
}

export function errorToast(error: unknown, doing: string): void {
  if ((error as Error)?.name === 'AbortError') return;
  toast(`${doing}: ${(error as Error)?.message ?? String(error)}`, 'error');
}
