/**
 * The console's Cypher editor: CodeMirror 6 with Neo4j's Cypher support (highlighting, autocomplete
 * of the live schema's labels, types, property keys, functions and procedures, syntax errors marked
 * as you type). This module and CodeMirror load only when the console is first opened.
 */
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { acceptCompletion, autocompletion, completionStatus, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { setDiagnostics } from '@codemirror/lint';
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import { EditorView } from 'codemirror';
import type { ConsoleSchema } from '../../../server/contract';
import { complete, type CompletionSchema } from './completion';

export interface CypherEditor {
  readonly value: string;
  setValue(text: string): void;
  setSchema(schema: ConsoleSchema, parameters: string[]): void;
  /** Marks an error from Neo4j at an offset of the query and puts the cursor there. */
  markError(offset: number, message: string): void;
  focus(): void;
}

const NO_SCHEMA: CompletionSchema = { labels: [], relationshipTypes: [], propertyKeys: [], functions: [], procedures: [], parameters: [] };

export function createEditor(parent: HTMLElement, options: { value: string; onRun(): void; onChange(text: string): void }): CypherEditor {
  let schema = NO_SCHEMA;
  const runKeys = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          options.onRun();
          return true;
        },
      },
      // Tab accepts the highlighted suggestion when the list is open (Enter does too).
      { key: 'Tab', run: (view) => completionStatus(view.state) === 'active' && acceptCompletion(view) },
    ]),
  );
  // Our own completion source (completion.ts): it replaces only the word at the cursor. The
  // package's own completion replaced the colon of `(c:Com` with the label, among other things.
  const source = (context: CompletionContext): CompletionResult | null => {
    const found = complete(context.state.doc.toString(), context.pos, schema, context.explicit);
    if (!found || found.options.length === 0) return null;
    return {
      from: found.from,
      options: found.options.map((option) => ({ label: option.label, apply: option.apply, type: option.kind === 'label' || option.kind === 'type' ? 'type' : option.kind, detail: option.detail })),
      validFor: /^(`[^`]*|[A-Za-z_][A-Za-z0-9_]*)?$/,
    };
  };
  const completion = autocompletion({ override: [source], activateOnTyping: true, icons: false });
  // The package's types say it returns the editor API; version 1.0.3 returns { editor: api }.
  const made = createCypherEditor(parent, {
    value: options.value,
    lint: true,
    autocomplete: false,
    lineWrapping: true,
    autofocus: true,
    placeholder: 'MATCH (n) RETURN n LIMIT 25   — Ctrl+Enter runs',
    tooltipAbsolute: true,
    preExtensions: [runKeys, completion, EditorView.contentAttributes.of({ 'aria-label': 'Cypher query', 'data-testid': 'cypher-editor' })],
  }) as EditorApi | { editor: EditorApi };
  const editor = 'editor' in made ? made.editor : made;
  editor.onValueChanged((text) => options.onChange(text));
  const view = editor.codemirror;
  return {
    get value() {
      return view.state.doc.toString();
    },
    setValue(text) {
      editor.setValue(text);
    },
    setSchema(next, parameters) {
      schema = { ...next, parameters };
      editor.setSchema({
        // The package wants labels and types with their colon (as Neo4j Browser gives them).
        labels: next.labels.map((label) => `:${label}`),
        relationshipTypes: next.relationshipTypes.map((type) => `:${type}`),
        propertyKeys: next.propertyKeys,
        functions: next.functions,
        procedures: next.procedures,
        parameters,
      });
    },
    markError(offset, message) {
      const length = view.state.doc.length;
      const from = Math.max(0, Math.min(offset, length));
      // The word at the error, or one character, underlined.
      const word = view.state.wordAt(from);
      const to = word && word.from === from ? word.to : Math.min(from + 1, length);
      view.dispatch(setDiagnostics(view.state, [{ from, to: Math.max(to, from), severity: 'error', message }]));
      view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
      view.focus();
    },
    focus() {
      view.focus();
    },
  };
}
