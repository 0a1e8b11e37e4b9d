/**
 * The paths panel: two ends (searched by name, or set from the canvas), a hop limit, the
 * relationship types a path may use (from the database's schema) and the direction it follows
 * them in; the shortest paths between the ends, which the explorer adds to the canvas and highlights.
 */
import { PATH_DIRECTIONS, type GraphNode, type PathDirection, type SchemaInfo } from '../../../server/contract';
import { displayName } from '../graph';
import { attachSearch } from '../search';
import { Panel } from '../layout/panel';
import { byId, fill, h } from '../ui/dom';
import { DIRECTION_LABELS, typesSummary, typesToSend, type PathQuery } from './query';

export { queryWords, typesSummary, typesToSend, type PathQuery } from './query';

export interface PathEnds {
  from: GraphNode | null;
  to: GraphNode | null;
}

export class PathsPanel {
  private ends: PathEnds = { from: null, to: null };
  private readonly fromInput = byId<HTMLInputElement>('path-from');
  private readonly toInput = byId<HTMLInputElement>('path-to');
  private readonly hops = byId<HTMLSelectElement>('path-hops');
  private readonly direction = byId<HTMLSelectElement>('path-direction');
  private readonly typesPicker = byId<HTMLDetailsElement>('path-types');
  private readonly typesList = byId('path-types-list');
  private readonly result = byId('path-result');
  /** The database's relationship types, and those a path may use (all of them until the user narrows). */
  private types: string[] = [];
  private chosen = new Set<string>();
  /** The paths section of the side panel (a fold: its summary opens and closes it). */
  readonly panel = new Panel(byId('paths').closest('details')!, { focus: false });

  constructor(find: (from: GraphNode, to: GraphNode, query: PathQuery) => Promise<string>) {
    attachSearch({ input: this.fromInput, onPick: (hit) => (this.ends.from = hit.node) });
    attachSearch({ input: this.toInput, onPick: (hit) => (this.ends.to = hit.node) });
    this.fromInput.addEventListener('input', () => (this.ends.from = null));
    this.toInput.addEventListener('input', () => (this.ends.to = null));
    for (const direction of PATH_DIRECTIONS) this.direction.append(h('option', { value: direction }, DIRECTION_LABELS[direction]));
    byId('path-swap').addEventListener('click', () => this.set(this.ends.to, this.ends.from));
    byId('path-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const { from, to } = this.ends;
      if (!from || !to) {
        fill(this.result, 'Pick both ends from the suggestions (or right-click nodes on the canvas: “Path from here”, “Path to here”).');
        return;
      }
      const types = typesToSend(this.types, this.chosen);
      if (types !== null && types.length === 0) {
        fill(this.result, 'Tick at least one relationship type under “Relationships” (or “All”).');
        return;
      }
      this.typesPicker.open = false;
      fill(this.result, 'Searching…');
      find(from, to, { maxHops: Number(this.hops.value), types, direction: this.direction.value as PathDirection }).then(
        (message) => fill(this.result, message),
        (error: Error) => fill(this.result, `Could not find paths: ${error.message}`),
      );
    });
    this.drawTypes();
  }

  /** The relationship types the database has (read at start-up); every one is chosen until narrowed. */
  useSchema(schema: Pick<SchemaInfo, 'relationshipTypes'>): void {
    const before = new Set(this.types);
    this.types = schema.relationshipTypes.map((type) => type.name);
    // Kept: what was chosen among the types that still exist; new types join when all were chosen.
    const all = before.size > 0 && [...before].every((type) => this.chosen.has(type));
    this.chosen = new Set(this.types.filter((type) => all || before.size === 0 || this.chosen.has(type)));
    this.drawTypes();
  }

  /** Chooses these types: the boxes are ticked in place (focus stays where it is) and the summary follows. */
  private choose(types: Iterable<string>): void {
    this.chosen = new Set(types);
    for (const box of this.typesList.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = this.chosen.has(box.value);
    fill(byId('path-types-summary'), `Relationships: ${typesSummary(this.types, this.chosen)}`);
  }

  private drawTypes(): void {
    fill(byId('path-types-summary'), `Relationships: ${typesSummary(this.types, this.chosen)}`);
    if (this.types.length === 0) {
      fill(this.typesList, h('p', { class: 'muted small' }, 'The types load with the database schema.'));
      return;
    }
    fill(
      this.typesList,
      h('div', { class: 'path-types-all' }, h('button', { type: 'button', 'data-testid': 'path-types-all', onclick: () => this.choose(this.types) }, 'All'), h('button', { type: 'button', onclick: () => this.choose([]) }, 'None')),
      ...this.types.map((type) =>
        h(
          'div',
          { class: 'path-type' },
          h(
            'label',
            {},
            h('input', {
              type: 'checkbox',
              value: type,
              checked: this.chosen.has(type),
              'data-testid': `path-type-${type}`,
              onchange: (event: Event) => {
                const next = new Set(this.chosen);
                if ((event.target as HTMLInputElement).checked) next.add(type);
                else next.delete(type);
                this.choose(next);
              },
            }),
            ` ${type}`,
          ),
          h('button', { type: 'button', class: 'path-type-only', title: `Only ${type}`, 'aria-label': `Only ${type}`, 'data-testid': `path-only-${type}`, onclick: () => this.choose([type]) }, 'only'),
        ),
      ),
    );
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
    this.panel.open();
  }
}
