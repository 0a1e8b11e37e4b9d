/**
 * The Cypher console: an editor (loaded on first open), a parameters box, examples, history and
 * saved queries, and the results as graph (drawn on the canvas, added or replacing), table and JSON.
 * Queries run read-only on the server (POST /api/query); refusals and Neo4j errors are shown with
 * their code and the position in the query.
 */
import type { ConsoleResult, ConsoleSchema, GraphNode, GraphView, Problem } from '../../../server/contract';
import { api, ApiRequestError } from '../api';
import { Panel } from '../layout/panel';
import { h, fill } from '../ui/dom';
import { errorToast } from '../ui/toast';
import type { CypherEditor } from './editor';
import { examplesFor } from './examples';
import { parseParams } from './params';
import { QueryStore } from './store';
import { renderValue } from './values';

export type CanvasMode = 'add' | 'replace' | 'none';

export interface ConsoleHost {
  /** Draws a result's graph on the canvas. */
  drawResult(view: GraphView, mode: 'add' | 'replace'): Promise<void>;
  /** A node chip in the table was clicked. */
  showNode(node: GraphNode): void;
  /** The panel opened or closed (the canvas changed size). */
  resized(): void;
  /** More buttons for the panel's bar, before its close button (the drawer's). */
  controls?: Node[];
  /** The button that opens and closes the console (the toolbar's). */
  opener?: HTMLElement;
}

type Tab = 'graph' | 'table' | 'json';

const MODE_KEY = 'fingraph.console.canvas';
const DRAFT = 'MATCH (n)\nRETURN n\nLIMIT 25';

function readMode(): CanvasMode {
  try {
    const stored = localStorage.getItem(MODE_KEY);
    return stored === 'replace' || stored === 'none' ? stored : 'add';
  } catch {
    return 'add';
  }
}

function firstLine(query: string): string {
  const line = query.split('\n').find((each) => each.trim() !== '' && !each.trim().startsWith('//')) ?? query;
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}

export class ConsolePanel {
  private editor: CypherEditor | null = null;
  private loading: Promise<CypherEditor> | null = null;
  private schema: ConsoleSchema | null = null;
  private result: ConsoleResult | null = null;
  private running: AbortController | null = null;
  private runs = 0;
  private readonly store = new QueryStore();
  private readonly parts;
  /** Opened and closed by its button, Q, or ×; it takes room from the canvas (the drawer), and the editor takes the focus. */
  readonly panel: Panel;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: ConsoleHost,
  ) {
    const button = (text: string, attributes: Record<string, string> = {}, onclick?: () => void): HTMLButtonElement =>
      h('button', { type: 'button', ...attributes, onclick: onclick ? () => onclick() : undefined }, text);
    const parts = {
      examples: h('select', { 'aria-label': 'Example queries', 'data-testid': 'console-examples' }),
      history: h('select', { 'aria-label': 'Query history', 'data-testid': 'console-history' }),
      saved: h('select', { 'aria-label': 'Saved queries', 'data-testid': 'console-saved' }),
      saveName: h('input', { type: 'text', placeholder: 'Name…', 'aria-label': 'Name to save the query as', 'data-testid': 'console-save-name', size: 14 }),
      save: button('Save', { title: 'Save the query and its parameters under this name', 'data-testid': 'console-save' }, () => this.save()),
      forget: button('Delete', { title: 'Delete the selected saved query', disabled: '' }, () => this.forget()),
      run: button('▶ Run', { class: 'primary', title: 'Run (Ctrl+Enter)', 'data-testid': 'console-run' }, () => void this.run()),
      cancel: button('Cancel', { hidden: '', title: 'Stop the running query' }, () => this.running?.abort()),
      close: button('×', { class: 'console-close', title: 'Close the console', 'aria-label': 'Close the console' }, () => this.toggle(false)),
      editorHost: h('div', { class: 'console-editor' }, h('p', { class: 'muted' }, 'Loading the Cypher editor…')),
      params: h('textarea', { class: 'console-params-text', 'aria-label': 'Query parameters (JSON)', spellcheck: 'false', 'data-testid': 'console-params' }),
      paramsError: h('p', { class: 'console-params-error', role: 'alert' }),
      status: h('span', { class: 'console-status', 'aria-live': 'polite', 'data-testid': 'console-status' }),
      tabs: {
        graph: button('Graph', { role: 'tab', 'data-tab': 'graph' }, () => this.show('graph')),
        table: button('Table', { role: 'tab', 'data-tab': 'table' }, () => this.show('table')),
        json: button('JSON', { role: 'tab', 'data-tab': 'json' }, () => this.show('json')),
      },
      mode: h(
        'select',
        { 'aria-label': 'What the results do to the canvas', 'data-testid': 'console-mode' },
        h('option', { value: 'add' }, 'Add to the canvas'),
        h('option', { value: 'replace' }, 'Replace the canvas'),
        h('option', { value: 'none' }, 'Leave the canvas'),
      ),
      output: h('div', { class: 'console-output', role: 'tabpanel', 'data-testid': 'console-output' }),
    };
    this.parts = parts;
    parts.params.value = '{}';
    parts.mode.value = readMode();
    parts.mode.addEventListener('change', () => {
      try {
        localStorage.setItem(MODE_KEY, parts.mode.value);
      } catch {
        // Remembered for this page only.
      }
    });
    parts.params.addEventListener('input', () => this.checkParams());
    parts.params.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void this.run();
      }
    });
    parts.examples.addEventListener('change', () => {
      const example = examplesFor(this.schema).find((each) => each.title === parts.examples.value);
      parts.examples.value = '';
      if (example) this.load(example.query, example.params);
    });
    parts.history.addEventListener('change', () => {
      const entry = this.store.history()[Number(parts.history.value)];
      parts.history.value = '';
      if (entry) this.load(entry.query, entry.params);
    });
    parts.saved.addEventListener('change', () => {
      const entry = this.store.saved().find((each) => each.name === parts.saved.value);
      parts.forget.disabled = !entry;
      if (entry) {
        parts.saveName.value = entry.name;
        this.load(entry.query, entry.params);
      }
    });
    fill(
      root,
      h(
        'div',
        { class: 'console-bar' },
        h('strong', {}, 'Cypher console'),
        h('span', { class: 'muted small' }, 'read-only'),
        parts.examples,
        parts.history,
        parts.saved,
        parts.forget,
        parts.saveName,
        parts.save,
        h('span', { class: 'spacer' }),
        parts.cancel,
        parts.run,
        ...(host.controls ?? []),
        parts.close,
      ),
      h(
        'div',
        { class: 'console-input' },
        parts.editorHost,
        h('label', { class: 'console-params' }, h('span', { class: 'small muted' }, 'Parameters (JSON): $name in the query'), parts.params, parts.paramsError),
      ),
      h(
        'div',
        { class: 'console-results-bar' },
        h('div', { class: 'console-tabs', role: 'tablist' }, parts.tabs.graph, parts.tabs.table, parts.tabs.json),
        parts.status,
        h('span', { class: 'spacer' }),
        h('label', { class: 'small' }, 'Results: ', parts.mode),
      ),
      parts.output,
    );
    this.fillLists();
    this.show('table');
    this.panel = new Panel(root, {
      opener: host.opener,
      focus: () => void this.ready().then((editor) => editor.focus(), (error) => errorToast(error, 'Could not load the Cypher editor')),
      toggled: () => host.resized(),
    });
  }

  get open(): boolean {
    return this.panel.isOpen;
  }

  /** Opens (loading the editor the first time) or closes the panel. */
  toggle(open = !this.open): void {
    this.panel.toggle(open);
  }

  private ready(): Promise<CypherEditor> {
    this.loading ??= (async () => {
      const { createEditor } = await import('./editor');
      const last = this.store.history()[0];
      const editor = createEditor(this.parts.editorHost, { value: last?.query ?? DRAFT, onRun: () => void this.run(), onChange: () => undefined });
      this.parts.editorHost.querySelector('p.muted')?.remove();
      if (last) this.parts.params.value = last.params;
      this.editor = editor;
      void this.loadSchema();
      return editor;
    })();
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  /** The live schema for autocomplete and for which examples to offer. */
  async loadSchema(): Promise<void> {
    try {
      this.schema = await api.consoleSchema();
      this.applySchema();
      this.fillLists();
      // Completion knows the database's names from now on (tests wait for this).
      this.parts.editorHost.dataset.schema = 'loaded';
    } catch (error) {
      errorToast(error, 'Could not read the schema for autocomplete');
    }
  }

  private applySchema(): void {
    const parsed = parseParams(this.parts.params.value);
    if (this.editor && this.schema) this.editor.setSchema(this.schema, 'params' in parsed ? Object.keys(parsed.params) : []);
  }

  private checkParams(): boolean {
    const parsed = parseParams(this.parts.params.value);
    this.parts.paramsError.textContent = 'error' in parsed ? parsed.error : '';
    this.parts.params.classList.toggle('invalid', 'error' in parsed);
    if ('params' in parsed) this.applySchema();
    return 'params' in parsed;
  }

  private load(query: string, params: string): void {
    this.parts.params.value = params;
    this.checkParams();
    void this.ready().then((editor) => {
      editor.setValue(query);
      editor.focus();
    });
  }

  private fillLists(): void {
    const { examples, history, saved } = this.parts;
    fill(examples, h('option', { value: '' }, 'Examples…'), ...examplesFor(this.schema).map((example) => h('option', { value: example.title }, example.title)));
    const entries = this.store.history();
    fill(
      history,
      h('option', { value: '' }, entries.length > 0 ? `History (${entries.length})…` : 'History (empty)'),
      ...entries.map((entry, index) => h('option', { value: index, title: entry.query }, `${new Date(entry.at).toLocaleTimeString()} · ${firstLine(entry.query)}`)),
    );
    const names = this.store.saved();
    fill(saved, h('option', { value: '' }, names.length > 0 ? `Saved (${names.length})…` : 'Saved (none)'), ...names.map((entry) => h('option', { value: entry.name }, entry.name)));
    this.parts.forget.disabled = true;
  }

  private save(): void {
    const name = this.parts.saveName.value.trim();
    if (!name) {
      this.parts.saveName.focus();
      this.setStatus('Give the query a name to save it under.', true);
      return;
    }
    if (!this.editor) return;
    this.store.save({ name, query: this.editor.value, params: this.parts.params.value });
    this.fillLists();
    this.parts.saved.value = name;
    this.parts.forget.disabled = false;
    this.setStatus(`Saved as "${name}".`);
  }

  private forget(): void {
    const name = this.parts.saved.value;
    if (!name) return;
    this.store.forget(name);
    this.fillLists();
    this.setStatus(`Deleted "${name}".`);
  }

  private setStatus(text: string, bad = false): void {
    this.parts.status.textContent = text;
    this.parts.status.classList.toggle('bad', bad);
  }

  /** Runs the editor's query with the parameters box. */
  async run(): Promise<void> {
    const editor = await this.ready();
    const query = editor.value;
    if (query.trim() === '') {
      this.setStatus('Type a query first, such as MATCH (n) RETURN n LIMIT 25.', true);
      return;
    }
    const parsed = parseParams(this.parts.params.value);
    if ('error' in parsed) {
      this.checkParams();
      this.parts.params.focus();
      return;
    }
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.parts.cancel.hidden = false;
    this.parts.run.disabled = true;
    this.setStatus('Running…');
    this.store.remember({ query, params: this.parts.params.value, at: Date.now() });
    this.fillLists();
    try {
      const result = await api.query({ query, params: parsed.params }, controller.signal);
      this.result = result;
      this.setStatus(this.summary(result), result.truncated.rows || result.truncated.graph);
      const mode = this.parts.mode.value as CanvasMode;
      if (result.graph.nodes.length > 0 && mode !== 'none') await this.host.drawResult(result.graph, mode);
      this.show(result.graph.nodes.length > 0 ? 'graph' : 'table');
    } catch (error) {
      if ((error as Error).name === 'AbortError') {
        this.setStatus('Cancelled.');
        return;
      }
      this.result = null;
      this.showError(error);
    } finally {
      // Finished runs are counted on the status line (tests wait on it).
      this.runs += 1;
      this.parts.status.dataset.runs = String(this.runs);
      if (this.running === controller) {
        this.running = null;
        this.parts.cancel.hidden = true;
        this.parts.run.disabled = false;
      }
    }
  }

  private summary(result: ConsoleResult): string {
    const rows = `${result.rowCount.toLocaleString('en-US')} row${result.rowCount === 1 ? '' : 's'}`;
    const notes = [
      result.truncated.rows ? `cut at ${result.limits.maxRows.toLocaleString('en-US')} rows: add LIMIT or narrow the query` : '',
      result.truncated.graph ? `graph cut at ${result.limits.maxElements.toLocaleString('en-US')} nodes and relationships` : '',
    ].filter(Boolean);
    return `${rows} in ${Math.round(result.elapsedMs).toLocaleString('en-US')} ms${notes.length > 0 ? ` · ${notes.join(' · ')}` : ''}`;
  }

  private showError(error: unknown): void {
    const problem: Problem | null = error instanceof ApiRequestError ? error.problem : null;
    const status = error instanceof ApiRequestError ? error.status : 0;
    const title = status === 403 ? 'Refused: the console only reads' : status === 504 ? 'Stopped: the query ran too long' : problem?.code ? 'Neo4j error' : 'The query failed';
    const where = problem?.position ? `line ${problem.position.line}, column ${problem.position.column}` : null;
    this.setStatus(title, true);
    fill(
      this.parts.output,
      h(
        'div',
        { class: 'console-error', role: 'alert', 'data-testid': 'console-error' },
        h('p', { class: 'console-error-title' }, title),
        problem?.code || where ? h('p', { class: 'console-error-code' }, [problem?.code, where].filter(Boolean).join(' at ')) : null,
        h('pre', { class: 'console-error-detail' }, problem?.detail ?? (error as Error).message ?? String(error)),
      ),
    );
    for (const tab of Object.values(this.parts.tabs)) tab.setAttribute('aria-selected', 'false');
    if (problem?.position && this.editor) this.editor.markError(problem.position.offset, problem.detail);
  }

  private show(tab: Tab): void {
    for (const [name, button] of Object.entries(this.parts.tabs)) button.setAttribute('aria-selected', String(name === tab));
    const result = this.result;
    if (!result) {
      fill(this.parts.output, h('p', { class: 'muted' }, 'Write a query and run it with Ctrl+Enter, or pick an example. Queries only read: writes, file and network access are refused.'));
      return;
    }
    if (tab === 'graph') this.showGraph(result);
    else if (tab === 'table') this.showTable(result);
    // Each value with its type beside it, as the API sends it.
    else fill(this.parts.output, h('pre', { class: 'console-json', 'data-testid': 'console-json' }, JSON.stringify(result.rows.map((row) => Object.fromEntries(result.columns.map((column, index) => [column, row[index] ?? { type: 'null', value: null }]))), null, 2)));
  }

  private showGraph(result: ConsoleResult): void {
    const { nodes, edges } = result.graph;
    if (nodes.length === 0) {
      fill(this.parts.output, h('p', { class: 'muted' }, 'No nodes, relationships or paths in these results: see the table.'));
      return;
    }
    const again = (mode: 'add' | 'replace'): void => void this.host.drawResult(result.graph, mode).catch((error: unknown) => errorToast(error, 'Could not draw the results'));
    fill(
      this.parts.output,
      h(
        'div',
        { class: 'console-graph', 'data-testid': 'console-graph' },
        h('p', {}, `${nodes.length.toLocaleString('en-US')} node${nodes.length === 1 ? '' : 's'} and ${edges.length.toLocaleString('en-US')} relationship${edges.length === 1 ? '' : 's'} in the results${result.truncated.graph ? ' (cut at the limit)' : ''}.`),
        h('p', {}, h('button', { type: 'button', onclick: () => again('add') }, 'Add them to the canvas'), ' ', h('button', { type: 'button', onclick: () => again('replace') }, 'Replace the canvas with them')),
        h('p', { class: 'muted small' }, 'They are drawn on the canvas above, where they can be expanded and inspected. Undo (Ctrl+Z) takes a drawing back.'),
      ),
    );
  }

  private showTable(result: ConsoleResult): void {
    if (result.columns.length === 0) {
      fill(this.parts.output, h('p', { class: 'muted' }, 'The query returned no columns.'));
      return;
    }
    const actions = { showNode: (node: GraphNode) => this.host.showNode(node) };
    const table = h(
      'table',
      { class: 'console-table', 'data-testid': 'console-table' },
      h('thead', {}, h('tr', {}, h('th', { class: 'row-number' }, '#'), ...result.columns.map((column) => h('th', { scope: 'col' }, column)))),
      h('tbody', {}, ...result.rows.map((row, index) => h('tr', {}, h('td', { class: 'row-number' }, index + 1), ...row.map((value) => h('td', { class: value.type === 'integer' || value.type === 'float' ? 'numeric' : undefined }, renderValue(value, actions)))))),
    );
    fill(this.parts.output, result.rows.length === 0 ? h('p', { class: 'muted' }, `No rows. Columns: ${result.columns.join(', ')}.`) : table);
  }
}
