/**
 * The styling panel: a compact dialog over the canvas (opened from the toolbar's Style button or
 * the legend) with one control per rule: node size, node colour, relationship width, and the
 * caption of each label on the canvas; and a reset to the default. Each choice applies at once.
 * Escape or × closes it. Choices come from styleOptions (the open database's schema).
 */
import type { SchemaInfo } from '../../../server/contract';
import type { ViewState } from '../state';
import { Panel, type CoveredAreas } from '../layout/panel';
import { fill, h } from '../ui/dom';
import { styleOptions, type PropertyChoice } from './options';
import { DEFAULT_RULES, isDefaultRules, withCaption, type StyleRules } from './rules';

export interface StylePanelSource {
  state(): ViewState;
  schema(): SchemaInfo | null;
  rules(): StyleRules;
  apply(rules: StyleRules): void;
}

const option = (value: string, text: string, selected: boolean): HTMLOptionElement => h('option', { value, selected }, text);
const owned = (choice: PropertyChoice): string => `${choice.name} (${choice.owners.join(', ')})`;

export class StylePanel {
  readonly root = h('section', { id: 'style-panel', class: 'style-panel', role: 'dialog', 'aria-label': 'Styling rules', hidden: true, 'data-testid': 'style-panel' });
  /** Opened by its toolbar button (or the legend), closed by it, by × or Escape; over the canvas. */
  readonly panel: Panel;

  constructor(
    private readonly source: StylePanelSource,
    opener: HTMLElement,
    covers: CoveredAreas,
  ) {
    this.panel = new Panel(this.root, {
      opener,
      closeOnEscape: true,
      covers,
      focus: () => this.root.querySelector<HTMLSelectElement>('select')?.focus(),
      toggled: (open) => open && this.refresh(),
    });
  }

  get open(): boolean {
    return this.panel.isOpen;
  }

  toggle(open = !this.open): void {
    this.panel.toggle(open);
  }

  close(): void {
    this.panel.close();
  }

  /** Draws the controls again for the canvas as it is now (keeping the focus on the control that had it). */
  refresh(): void {
    if (!this.open) return;
    const focused = document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement) ? document.activeElement.dataset.testid : undefined;
    const rules = this.source.rules();
    const options = styleOptions(this.source.schema(), this.source.state());
    const numericNodes = options.nodeProperties.filter((choice) => choice.numeric);
    const numericEdges = options.edgeProperties.filter((choice) => choice.numeric);
    const apply = (next: StyleRules): void => this.source.apply(next);
    // A rule's property that the canvas no longer shows stays listed, so the control says what is in force.
    const keep = (list: PropertyChoice[], property: string | null): PropertyChoice[] =>
      property === null || list.some((choice) => choice.name === property) ? list : [...list, { name: property, owners: ['not on the canvas'], numeric: true }];

    const sizeProperty = rules.size.by === 'property' ? rules.size.property : null;
    const size = h(
      'select',
      { 'aria-label': 'Node size', 'data-testid': 'style-size', onchange: () => apply({ ...this.source.rules(), size: size.value === 'none' ? { by: 'none' } : size.value === 'degree' ? { by: 'degree' } : { by: 'property', property: size.value.slice(2) } }) },
      option('none', 'Same size', rules.size.by === 'none'),
      option('degree', 'Degree (on the canvas)', rules.size.by === 'degree'),
      ...keep(numericNodes, sizeProperty).map((choice) => option(`p:${choice.name}`, owned(choice), choice.name === sizeProperty)),
    );
    const colorProperty = rules.color.by === 'property' ? rules.color.property : null;
    const color = h(
      'select',
      { 'aria-label': 'Node colour', 'data-testid': 'style-color', onchange: () => apply({ ...this.source.rules(), color: color.value === 'label' ? { by: 'label' } : { by: 'property', property: color.value.slice(2) } }) },
      option('label', 'Label (default)', rules.color.by === 'label'),
      ...keep(options.nodeProperties, colorProperty).map((choice) => option(`p:${choice.name}`, owned(choice), choice.name === colorProperty)),
    );
    const widthProperty = rules.width.by === 'property' ? rules.width.property : null;
    const width = h(
      'select',
      { 'aria-label': 'Relationship width', 'data-testid': 'style-width', onchange: () => apply({ ...this.source.rules(), width: width.value === 'none' ? { by: 'none' } : { by: 'property', property: width.value.slice(2) } }) },
      option('none', 'Same width', rules.width.by === 'none'),
      ...keep(numericEdges, widthProperty).map((choice) => option(`p:${choice.name}`, owned(choice), choice.name === widthProperty)),
    );
    const captions = options.captions.map(({ label, properties, naming }) => {
      const chosen = rules.captions[label] ?? null;
      const select = h(
        'select',
        { 'aria-label': `Caption of ${label}`, 'data-testid': `style-caption-${label}`, onchange: () => apply(withCaption(this.source.rules(), label, select.value === '' ? null : select.value)) },
        option('', naming ? `${naming} (default)` : 'default', chosen === null),
        ...(chosen !== null && !properties.includes(chosen) ? [...properties, chosen] : properties).map((property) => option(property, property, property === chosen)),
      );
      return h('label', { class: 'style-row' }, h('span', { class: 'style-label' }, label), select);
    });
    fill(
      this.root,
      h('div', { class: 'style-head' }, h('strong', {}, 'Styling'), h('button', { type: 'button', class: 'icon style-close', 'aria-label': 'Close styling', title: 'Close (Esc)', onclick: () => this.close() }, '×')),
      h('label', { class: 'style-row' }, h('span', { class: 'style-label' }, 'Node size'), size),
      h('label', { class: 'style-row' }, h('span', { class: 'style-label' }, 'Node colour'), color),
      h('label', { class: 'style-row' }, h('span', { class: 'style-label' }, 'Relationship width'), width),
      captions.length > 0 ? h('div', { class: 'style-captions', role: 'group', 'aria-label': 'Captions' }, h('div', { class: 'style-sub' }, 'Caption per label'), ...captions) : null,
      h(
        'div',
        { class: 'style-foot' },
        h('button', { type: 'button', 'data-testid': 'style-reset', disabled: isDefaultRules(rules), onclick: () => apply(DEFAULT_RULES) }, 'Reset to default'),
        h('span', { class: 'muted small' }, 'Kept for this database in this browser, and in shared links.'),
      ),
    );
    if (focused) this.root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
  }
}
