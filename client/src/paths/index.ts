/**
 * The paths panel: two ends (searched by name, or set from the canvas), a hop limit, and the
 * shortest paths between them, which the explorer adds to the canvas and highlights.
 */
import type { GraphNode } from '../../../server/contract';
import { displayName } from '../graph';
import { attachSearch } from '../search';
import { byId, fill } from '../ui/dom';

export interface PathEnds {
  from: GraphNode | null;
  to: GraphNode | null;
}

export class PathsPanel {
  private ends: PathEnds = { from: null, to: null };
  private readonly fromInput = byId<HTMLInputElement>('path-from');
  private readonly toInput = byId<HTMLInputElement>('path-to');
  private readonly hops = byId<HTMLSelectElement>('path-hops');
  private readonly result = byId('path-result');

  constructor(find: (from: GraphNode, to: GraphNode, maxHops: number) => Promise<string>) {
    attachSearch({ input: this.fromInput, onPick: (hit) => (this.ends.from = hit.node) });
    attachSearch({ input: this.toInput, onPick: (hit) => (this.ends.to = hit.node) });
    this.fromInput.addEventListener('input', () => (this.ends.from = null));
    this.toInput.addEventListener('input', () => (this.ends.to = null));
    byId('path-swap').addEventListener('click', () => this.set(this.ends.to, this.ends.from));
    byId('path-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const { from, to } = this.ends;
      if (!from || !to) {
        fill(this.result, 'Pick both ends from the suggestions (or right-click nodes on the canvas: “Path from here”, “Path to here”).');
        return;
      }
      fill(this.result, 'Searching…');
      find(from, to, Number(this.hops.value)).then(
        (message) => fill(this.result, message),
        (error: Error) => fill(this.result, `Could not find paths: ${error.message}`),
      );
    });
  }

  set(from: GraphNode | null | undefined, to: GraphNode | null | undefined): void {
    if (from !== undefined) {
      this.ends.from = from;
      this.fromInput.value = from ? displayName(from) : '';
    }
    if (to !== undefined) {
      this.ends.to = to;
      this.toInput.value = to ? displayName(to) : '';
    }
    byId('paths').closest('details')?.setAttribute('open', '');
  }
}
