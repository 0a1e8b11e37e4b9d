/** The loading indicator: a bar while any request is in flight (shown only when one is slow to answer), and aria-busy at once. */
import { onBusy } from '../api';
import { INDICATOR_DELAY_MS } from '../ui/indicator';

export function attachProgress(progress: HTMLElement): void {
  let timer = 0;
  onBusy((count) => {
    clearTimeout(timer);
    if (count === 0) progress.hidden = true;
    else if (progress.hidden) timer = window.setTimeout(() => (progress.hidden = false), INDICATOR_DELAY_MS);
    progress.setAttribute('aria-busy', String(count > 0));
  });
}
