/**
 * The panel's first step: the article (pasted, or a .txt, .md or .html file read in the browser with
 * File.text(): its words go into the text box as text, HTML marked as HTML for the server to reduce;
 * nothing of it runs here) and its source, checked before "Find facts". Errors stay beside the fields,
 * which keep what was typed.
 */
import { fill, h } from '../../ui/dom';
import { fieldId } from '../dialog';
import { sourceProblems, type SourceFields } from './review';

/** The files the form opens, by how their name ends. */
const TEXT_FILES = /\.(txt|md|markdown)$/i;
const HTML_FILES = /\.(html?|xhtml)$/i;

/** Shows `message` (and its lines) in an error box. */
export function showIn(box: HTMLElement, message: string, details: string[] = []): void {
  fill(box, h('p', {}, message), details.length > 0 ? h('ul', {}, ...details.map((line) => h('li', {}, line))) : null);
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

export interface ArticleInput {
  source: SourceFields;
  raw: string;
  html: boolean;
}

export class ArticleForm {
  readonly element: HTMLFormElement;
  private readonly inputs = {
    title: h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'article-title', maxlength: 500 }),
    publisher: h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'article-publisher', maxlength: 200 }),
    url: h('input', { type: 'url', autocomplete: 'off', placeholder: 'https://…', 'data-testid': 'article-url', maxlength: 2000 }),
    published: h('input', { type: 'date', 'data-testid': 'article-published' }),
    text: h('textarea', { rows: 10, 'data-testid': 'article-input', spellcheck: 'false' }),
    file: h('input', { type: 'file', accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html', 'data-testid': 'article-file' }),
    html: h('input', { type: 'checkbox', 'data-testid': 'article-is-html' }),
  };
  private readonly error = h('div', { class: 'edit-error', role: 'alert', 'data-testid': 'article-error', hidden: true });
  private readonly findButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'article-find' }, 'Find facts');

  /** `find` runs on "Find facts" with the article as typed, once it passes the checks here. */
  constructor(find: (input: ArticleInput) => Promise<void>, cancel: () => void) {
    const labelled = (text: string, control: HTMLElement & { id: string }, hint?: string): HTMLElement => {
      control.id ||= fieldId('article');
      const hintElement = hint ? h('span', { class: 'muted small', id: `${control.id}-hint` }, hint) : null;
      if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
      return h('div', { class: 'edit-field' }, h('label', { for: control.id }, text), control, hintElement);
    };
    this.inputs.file.addEventListener('change', () => void this.openFile());
    this.element = h(
      'form',
      { class: 'edit-form article-input', novalidate: true, 'data-testid': 'article-input-step' },
      h(
        'fieldset',
        {},
        h('legend', {}, 'Source'),
        h('div', { class: 'article-source-grid' }, labelled('Title', this.inputs.title), labelled('Publisher', this.inputs.publisher), labelled('Link', this.inputs.url), labelled('Publication date', this.inputs.published)),
      ),
      labelled('Article text', this.inputs.text, 'Paste the article, or open a file below. Nothing is written until you commit.'),
      h(
        'div',
        { class: 'article-file-row' },
        labelled('Or open a file (.txt, .md or .html)', this.inputs.file),
        h('label', { class: 'article-check' }, this.inputs.html, 'The text is HTML (the server keeps its readable text; nothing of it runs)'),
      ),
      this.error,
      h('div', { class: 'edit-actions' }, h('button', { type: 'button', 'data-testid': 'article-cancel', onclick: cancel }, 'Cancel'), this.findButton),
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = this.checked();
      if (!input || this.findButton.disabled) return;
      this.findButton.disabled = true;
      this.findButton.textContent = 'Finding facts…';
      void find(input).finally(() => {
        this.findButton.disabled = false;
        this.findButton.textContent = 'Find facts';
      });
    });
  }

  source(): SourceFields {
    return { title: this.inputs.title.value, publisher: this.inputs.publisher.value, url: this.inputs.url.value, published: this.inputs.published.value };
  }

  showError(message: string, details: string[] = []): void {
    showIn(this.error, message, details);
  }

  focus(which: 'title' | 'text' = 'title'): void {
    this.inputs[which].focus();
  }

  /** Empties every field (a closed panel starts afresh). */
  reset(): void {
    for (const input of [this.inputs.title, this.inputs.publisher, this.inputs.url, this.inputs.published, this.inputs.text, this.inputs.file]) input.value = '';
    this.inputs.html.checked = false;
    this.error.hidden = true;
  }

  /** The article as typed when the source and the text pass the checks; else null, the problems shown and the first field at fault focused. */
  private checked(): ArticleInput | null {
    this.error.hidden = true;
    for (const input of Object.values(this.inputs)) input.removeAttribute('aria-invalid');
    const raw = this.inputs.text.value;
    const problems: Array<{ input: HTMLElement; message: string }> = sourceProblems(this.source()).map((problem) => ({ input: this.inputs[problem.field], message: problem.message }));
    if (raw.trim() === '') problems.unshift({ input: this.inputs.text, message: 'The article is empty: paste its text, or open a .txt, .md or .html file.' });
    if (problems.length === 0) return { source: this.source(), raw, html: this.inputs.html.checked };
    for (const problem of problems) problem.input.setAttribute('aria-invalid', 'true');
    this.showError(problems.length === 1 ? problems[0]!.message : 'The article cannot be read yet:', problems.length === 1 ? [] : problems.map((problem) => problem.message));
    this.element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return null;
  }

  /** Reads the file in the browser as text: its words go into the text box, HTML marked as HTML (sent to the server as such). */
  private async openFile(): Promise<void> {
    const file = this.inputs.file.files?.[0];
    if (!file) return;
    this.error.hidden = true;
    const html = HTML_FILES.test(file.name) || file.type === 'text/html';
    if (!html && !TEXT_FILES.test(file.name) && !file.type.startsWith('text/')) {
      this.showError(`“${file.name}” is not a .txt, .md or .html file: open the article as text, or paste it.`);
      this.inputs.file.value = '';
      return;
    }
    try {
      this.inputs.text.value = await file.text();
      this.inputs.html.checked = html;
    } catch (error) {
      this.showError(`“${file.name}” could not be read: ${(error as Error).message}`);
    }
  }
}
