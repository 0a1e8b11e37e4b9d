/**
 * The legend, which is also the filter: each label (its colour and shape) and relationship type on
 * the canvas with its count, a checkbox and "only" (that one alone); "all" per list; a year range
 * where relationships carry dates; and whether nodes without a visible relationship are hidden too.
 */
import { labelStyle, shapeOutline, svgPoints, typeColor } from '../graph';
import { canvasCounts, yearSpan, type ViewState, type YearRange } from '../state';
import { fill, h } from '../ui/dom';
import { autoFoldable, Panel, type Foldable } from '../layout';

export interface LegendActions {
  toggleLabel(label: string): void;
  toggleType(type: string): void;
  onlyLabel(label: string): void;
  onlyType(type: string): void;
  showAllLabels(): void;
  showAllTypes(): void;
  setHideOrphans(hide: boolean): void;
  setYears(years: YearRange | null, keepUndated: boolean): void;
  clearFilters(): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const SWATCH = 12;

/** The label's symbol: the canvas's shape for it, drawn as an SVG outline (attributes only, no markup). */
function swatch(shape: string, color: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('width', String(SWATCH));
  svg.setAttribute('height', String(SWATCH));
  svg.setAttribute('viewBox', `0 0 ${SWATCH} ${SWATCH}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('data-shape', shape);
  const outline = shapeOutline(shape);
  let mark: SVGElement;
  if (outline.kind === 'ellipse') {
    mark = document.createElementNS(SVG, 'circle');
    mark.setAttribute('cx', String(SWATCH / 2));
    mark.setAttribute('cy', String(SWATCH / 2));
    mark.setAttribute('r', String(SWATCH / 2));
  } else if (outline.kind === 'polygon') {
    mark = document.createElementNS(SVG, 'polygon');
    mark.setAttribute('points', svgPoints(outline.points, SWATCH));
  } else {
    mark = document.createElementNS(SVG, 'rect');
    mark.setAttribute('width', String(SWATCH));
    mark.setAttribute('height', String(SWATCH));
    if (outline.rounded) mark.setAttribute('rx', '3');
  }
  mark.setAttribute('fill', color);
  svg.append(mark);
  return svg;
}

/** The type's line colour (set through the CSSOM: the page's CSP allows no inline style attributes). */
function edgeSwatch(type: string): HTMLSpanElement {
  const line = h('span', { class: 'edge-swatch', 'data-testid': `legend-swatch-${type}` });
  line.style.backgroundColor = typeColor(type);
  return line;
}

const FOLD_KEY = 'fingraph.legend.folded';

/**
 * `styling` (optional): the key to the styling rules in use, drawn under the lists, and whether the
 * labels keep their colours on the canvas (not when a property colours the nodes: the swatches then
 * show the shape only).
 */
export interface LegendStyling {
  key: HTMLElement | null;
  labelColors: boolean;
}

const SHAPE_ONLY = '#b8c2cc';

/**
 * The legend over the canvas: its lists drawn after every change of the view, and its fold (a Panel
 * on its body, folding it to its header: the user's choice remembered, or by itself on a crowded
 * canvas, see AutoFolds). Folded, its lists are drawn when it opens.
 */
export class Legend {
  readonly fold: Foldable & { redrawn(): void };
  private readonly panel: Panel;
  private readonly body: HTMLElement;
  private readonly showAll: HTMLElement;
  private last: (() => void) | null = null;

  constructor(private readonly root: HTMLElement) {
    const button = root.querySelector<HTMLButtonElement>('.legend-fold')!;
    this.body = root.querySelector<HTMLElement>('.legend-body')!;
    this.showAll = root.querySelector<HTMLElement>('#legend-show-all')!;
    const label = (open: boolean): void => {
      button.textContent = open ? '▾ Legend' : '▸ Legend and filters';
    };
    this.panel = new Panel(this.body, {
      opener: button,
      remember: FOLD_KEY,
      focus: false,
      toggled: (open) => {
        label(open);
        if (open) this.last?.();
      },
    });
    label(this.panel.isOpen);
    this.fold = autoFoldable(this.panel, root);
  }

  draw(state: ViewState, actions: LegendActions, styling: LegendStyling = { key: null, labelColors: true }): void {
    this.last = () => this.drawNow(state, actions, styling);
    this.drawNow(state, actions, styling);
  }

  private drawNow(state: ViewState, actions: LegendActions, styling: LegendStyling): void {
    const root = this.root;
    const { labels, types } = canvasCounts(state);
    if (labels.size === 0) {
      root.hidden = true;
      this.fold.redrawn();
      return;
    }
    root.hidden = false;
    const hiddenLabels = new Set(state.filters.hiddenLabels);
    const hiddenTypes = new Set(state.filters.hiddenTypes);
    const span = yearSpan(state);
    const years = state.filters.years;
    const filtered = hiddenLabels.size > 0 || hiddenTypes.size > 0 || years !== null || state.filters.hideOrphans;
    /** "only": this one alone (named for screen readers and the tooltip). */
    const only = (what: string, run: () => void, testId: string): HTMLButtonElement =>
      h('button', { type: 'button', class: 'link legend-only', title: `Show only ${what}`, 'aria-label': `Show only ${what}`, onclick: run, 'data-testid': testId }, 'only');
    const all = (count: number, run: () => void, what: string, testId: string): HTMLElement | null =>
      count > 0 ? h('li', {}, h('button', { type: 'button', class: 'link legend-all', title: `Show every ${what} again`, onclick: run, 'data-testid': testId }, `all (${count} off)`)) : null;
    const yearInput = (which: 'from' | 'to'): HTMLInputElement =>
      h('input', {
        type: 'number',
        class: 'year',
        'aria-label': which === 'from' ? 'From year' : 'To year',
        value: years?.[which] ?? span?.[which] ?? '',
        min: 1000,
        max: 2999,
        onchange: () => readYears(),
      });
    const fromInput = yearInput('from');
    const toInput = yearInput('to');
    const undated = h('input', { type: 'checkbox', checked: state.filters.keepUndated, onchange: () => readYears() });
    const readYears = (): void => {
      const from = Number(fromInput.value);
      const to = Number(toInput.value);
      if (!fromInput.value || !toInput.value || !Number.isInteger(from) || !Number.isInteger(to)) return;
      actions.setYears({ from, to }, undated.checked);
    };
    fill(this.showAll, filtered ? h('button', { type: 'button', class: 'link', onclick: actions.clearFilters }, 'Show all') : null);
    if (!this.panel.isOpen) {
      this.fold.redrawn();
      return;
    }
    fill(
      this.body,
      h(
        'ul',
        { class: 'legend-list', 'aria-label': 'Labels' },
        ...[...labels].map(([label, count]) => {
          const style = labelStyle(label);
          return h(
            'li',
            {},
            h(
              'label',
              {},
              h('input', { type: 'checkbox', checked: !hiddenLabels.has(label), onchange: () => actions.toggleLabel(label), 'data-testid': `legend-label-${label}` }),
              swatch(style.shape, styling.labelColors ? style.color : SHAPE_ONLY),
              `${label} (${count})`,
            ),
            only(`the label ${label}`, () => actions.onlyLabel(label), `legend-only-label-${label}`),
          );
        }),
        all(hiddenLabels.size, actions.showAllLabels, 'label', 'legend-all-labels'),
      ),
      h(
        'ul',
        { class: 'legend-list', 'aria-label': 'Relationship types' },
        ...[...types].map(([type, count]) =>
          h(
            'li',
            {},
            h('label', {}, h('input', { type: 'checkbox', checked: !hiddenTypes.has(type), onchange: () => actions.toggleType(type), 'data-testid': `legend-type-${type}` }), edgeSwatch(type), `${type} (${count})`),
            only(`the relationship type ${type}`, () => actions.onlyType(type), `legend-only-type-${type}`),
          ),
        ),
        all(hiddenTypes.size, actions.showAllTypes, 'relationship type', 'legend-all-types'),
      ),
      types.size > 0 || state.filters.hideOrphans
        ? h(
            'label',
            { class: 'legend-orphans small' },
            h('input', { type: 'checkbox', checked: state.filters.hideOrphans, onchange: (event) => actions.setHideOrphans((event.target as HTMLInputElement).checked), 'data-testid': 'legend-hide-orphans' }),
            ' hide nodes without a visible relationship',
          )
        : null,
      span
        ? h(
            'div',
            { class: 'legend-years' },
            h('span', {}, 'Dated '),
            fromInput,
            '–',
            toInput,
            h('label', { class: 'small' }, undated, ' keep undated'),
            years ? h('button', { type: 'button', class: 'link', onclick: () => actions.setYears(null, true) }, 'any date') : null,
          )
        : null,
      styling.key,
    );
    this.fold.redrawn();
  }
}
