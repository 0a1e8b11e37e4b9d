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
import { styleOptions, type PropertyChoice, type StyleOptions } from './options';
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
  /** The selects drawn, by test id, and the choices they offer (see refresh). */
  private readonly selects = new Map<string, HTMLSelectElement>();
  private drawnShape = '';
  private reset: HTMLButtonElement | null = null;
  private optionsFor: { schema: SchemaInfo | null; state: ViewState; options: StyleOptions } | null = null;

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

  /**
   * Draws the controls for the canvas as it is now. When they offer the same choices as those
   * drawn (a rule chosen, the canvas's properties unchanged), only what each shows as chosen is set:
   * the DOM is not rebuilt, and the focus not moved (rebuilt and focused again, a choice's click
   * took 6 ms more, most of it the style and layout the focus forces).
   */
  refresh(): void {
    if (!this.open) return;
    const rules = this.source.rules();
    const controls = this.controls(rules);
    const shape = JSON.stringify(controls.map((control) => [control.testId, control.label, control.choices]));
    if (shape === this.drawnShape && controls.every((control) => this.selects.has(control.testId))) {
      for (const control of controls) {
        const select = this.selects.get(control.testId)!;
        if (select.value !== control.selected) select.value = control.selected;
        showChosenInFull(select);
      }
      if (this.reset) this.reset.disabled = isDefaultRules(rules);
      return;
    }
    const focused = document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement) ? document.activeElement.dataset.testid : undefined;
    this.selects.clear();
    const row = (control: Control): HTMLElement => {
      const select = h(
        'select',
        { 'aria-label': control.aria, 'data-testid': control.testId, onchange: () => this.source.apply(control.rules(this.source.rules(), select.value)) },
        ...control.choices.map(([value, text]) => option(value, text, value === control.selected)),
      );
      this.selects.set(control.testId, select);
      showChosenInFull(select);
      return h('label', { class: 'style-row' }, h('span', { class: 'style-label' }, control.label), select);
    };
    const [size, color, width, ...captions] = controls.map(row);
    this.reset = h('button', { type: 'button', 'data-testid': 'style-reset', disabled: isDefaultRules(rules), onclick: () => this.source.apply(DEFAULT_RULES) }, 'Reset to default');
    fill(
      this.root,
      h('div', { class: 'style-head' }, h('strong', {}, 'Styling'), h('button', { type: 'button', class: 'icon style-close', 'aria-label': 'Close styling', title: 'Close (Esc)', onclick: () => this.close() }, '×')),
      size,
      color,
      width,
      captions.length > 0 ? h('div', { class: 'style-captions', role: 'group', 'aria-label': 'Captions' }, h('div', { class: 'style-sub' }, 'Caption per label'), ...captions) : null,
      h('div', { class: 'style-foot' }, this.reset, h('span', { class: 'muted small' }, 'Kept for this database in this browser, and in shared links.')),
    );
    this.drawnShape = shape;
    if (focused) this.root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
  }

  /** The options for the canvas as it is (read again only when the canvas or the schema changed). */
  private options(): StyleOptions {
    const schema = this.source.schema();
    const state = this.source.state();
    if (this.optionsFor?.schema !== schema || this.optionsFor.state !== state) this.optionsFor = { schema, state, options: styleOptions(schema, state) };
    return this.optionsFor.options;
  }

  /** The panel's controls under `rules`: node size, node colour, relationship width, then a caption per label. */
  private controls(rules: StyleRules): Control[] {
    const options = this.options();
    const numericNodes = options.nodeProperties.filter((choice) => choice.numeric);
    const numericEdges = options.edgeProperties.filter((choice) => choice.numeric);
    // A rule's property that the canvas no longer shows stays listed, so the control says what is in force.
    const keep = (list: PropertyChoice[], property: string | null): PropertyChoice[] =>
      property === null || list.some((choice) => choice.name === property) ? list : [...list, { name: property, owners: ['not on the canvas'], numeric: true }];
    const properties = (list: PropertyChoice[], property: string | null): Array<[string, string]> => keep(list, property).map((choice) => [`p:${choice.name}`, owned(choice)]);
    const sizeProperty = rules.size.by === 'property' ? rules.size.property : null;
    const colorProperty = rules.color.by === 'property' ? rules.color.property : null;
    const widthProperty = rules.width.by === 'property' ? rules.width.property : null;
    return [
      {
        testId: 'style-size',
        label: 'Node size',
        aria: 'Node size',
        choices: [['none', 'Same size'], ['degree', 'Degree (on the canvas)'], ...properties(numericNodes, sizeProperty)],
        selected: sizeProperty !== null ? `p:${sizeProperty}` : rules.size.by,
        rules: (current, value) => ({ ...current, size: value === 'none' ? { by: 'none' } : value === 'degree' ? { by: 'degree' } : { by: 'property', property: value.slice(2) } }),
      },
      {
        testId: 'style-color',
        label: 'Node colour',
        aria: 'Node colour',
        choices: [['label', 'Label (default)'], ...properties(options.nodeProperties, colorProperty)],
        selected: colorProperty !== null ? `p:${colorProperty}` : 'label',
        rules: (current, value) => ({ ...current, color: value === 'label' ? { by: 'label' } : { by: 'property', property: value.slice(2) } }),
      },
      {
        testId: 'style-width',
        label: 'Relationship width',
        aria: 'Relationship width',
        choices: [['none', 'Same width'], ...properties(numericEdges, widthProperty)],
        selected: widthProperty !== null ? `p:${widthProperty}` : 'none',
        rules: (current, value) => ({ ...current, width: value === 'none' ? { by: 'none' } : { by: 'property', property: value.slice(2) } }),
      },
      ...options.captions.map(({ label, properties: names, naming }): Control => {
        const chosen = rules.captions[label] ?? null;
        return {
          testId: `style-caption-${label}`,
          label,
          aria: `Caption of ${label}`,
          choices: [['', naming ? `${naming} (default)` : 'default'], ...(chosen !== null && !names.includes(chosen) ? [...names, chosen] : names).map((name): [string, string] => [name, name])],
          selected: chosen ?? '',
          rules: (current, value) => withCaption(current, label, value === '' ? null : value),
        };
      }),
    ];
  }
}

/** A narrow panel cuts a long choice short in its select: the whole of it on hover. */
function showChosenInFull(select: HTMLSelectElement): void {
  select.title = select.selectedOptions[0]?.textContent ?? '';
}

/** One select of the panel: its choices (value, text), the one chosen, and the rules a choice makes of the current ones. */
interface Control {
  testId: string;
  label: string;
  aria: string;
  choices: Array<[string, string]>;
  selected: string;
  rules(current: StyleRules, value: string): StyleRules;
}
