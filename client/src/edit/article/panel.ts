/**
 * "Add an article": a panel over the left of the canvas (not modal: the canvas beside it previews
 * what is accepted). First the article (pasted, or a .txt, .md or .html file read in the browser
 * with File.text(); HTML goes to the server as HTML, which reduces it to text: nothing of it runs
 * here) and its source; "Find facts" asks POST /api/extract. Then the review; "Commit" sends one
 * change with one commitArticle operation. Every error is shown in the panel, and nothing typed or
 * decided is lost by one.
 */
import type { EditModel } from '../../../../server/contract';
import { api, ApiRequestError } from '../../api';
import { fill, h } from '../../ui/dom';
import type { EditContext } from '../context';
import { fieldId } from '../dialog';
import { refusalText } from '../rules';
import { ProposedLayer } from './preview';
import {
  acceptRest,
  commitOperation,
  decideEntity,
  decideRelationship,
  editEntity,
  editRelationship,
  extractionError,
  inGraph,
  nameOf,
  previewGraph,
  sourceProblems,
  startReview,
  tallyReview,
  type Review,
  type SourceFields,
} from './review';
import { articleText, entityCard, relationshipCard, type ReviewActions } from './review-view';

/** The files the panel opens, by how their name ends. */
const TEXT_FILES = /\.(txt|md|markdown)$/i;
const HTML_FILES = /\.(html?|xhtml)$/i;

export class ArticlePanel {
  readonly root: HTMLElement;
  private readonly body = h('div', { class: 'article-steps' });
  private readonly heading = h('h2', { id: fieldId('article-title'), tabindex: -1 }, 'Add an article');
  private readonly inputs = {
    title: h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'article-title', maxlength: 500 }),
    publisher: h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'article-publisher', maxlength: 200 }),
    url: h('input', { type: 'url', autocomplete: 'off', placeholder: 'https://…', 'data-testid': 'article-url', maxlength: 2000 }),
    published: h('input', { type: 'date', 'data-testid': 'article-published' }),
    text: h('textarea', { rows: 10, 'data-testid': 'article-input', spellcheck: 'false' }),
    file: h('input', { type: 'file', accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html', 'data-testid': 'article-file' }),
    html: h('input', { type: 'checkbox', 'data-testid': 'article-is-html' }),
  };
  private readonly inputError = h('div', { class: 'edit-error', role: 'alert', 'data-testid': 'article-error', hidden: true });
  private readonly reviewError = h('div', { class: 'edit-error', role: 'alert', 'data-testid': 'article-review-error', hidden: true });
  private readonly notice = h('p', { class: 'article-notice', role: 'status', 'data-testid': 'article-notice' });
  private readonly comment = h('input', { type: 'text', autocomplete: 'off', maxlength: 2000, 'data-testid': 'article-comment' });
  private readonly findButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'article-find' }, 'Find facts');
  private readonly commitButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'article-commit' }, 'Commit');
  private readonly inputStep: HTMLElement;
  private readonly reviewStep = h('div', { class: 'article-review', 'data-testid': 'article-review' });
  private review: Review | null = null;
  /** The article text (and whether it was HTML) the review was found in: finding facts in the same text again keeps the decisions. */
  private reviewed: string | null = null;
  private model: EditModel | null = null;
  /** The card being edited inline ("entity:key", "relationship:3"). */
  private editing: string | null = null;
  private opener: HTMLElement | null = null;

  constructor(
    private readonly context: EditContext,
    private readonly preview: ProposedLayer,
    container: HTMLElement,
    /** Told when the panel opens and closes (the toolbar button's aria-expanded). */
    private readonly toggled: (open: boolean) => void = () => undefined,
  ) {
    this.root = h('section', { id: 'article-panel', class: 'article-panel', role: 'dialog', 'aria-labelledby': this.heading.id, hidden: true, 'data-testid': 'article-panel' });
    const close = h('button', { type: 'button', class: 'icon', 'aria-label': 'Close (the preview goes, nothing is written)', title: 'Close', 'data-testid': 'article-close', onclick: () => this.close() }, '×');
    this.inputStep = this.buildInputStep();
    this.root.append(h('div', { class: 'article-head' }, this.heading, close), this.body);
    fill(this.body, this.inputStep);
    container.append(this.root);
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  contains(target: EventTarget | null): boolean {
    return target instanceof Node && this.root.contains(target);
  }

  open(opener: HTMLElement | null = null): void {
    this.opener = opener;
    this.root.hidden = false;
    this.toggled(true);
    if (this.review) this.showReview();
    else this.inputs.title.focus();
  }

  /** Gives the open panel the focus (its heading). */
  focus(): void {
    this.heading.focus();
  }

  /** Closes the panel: the preview goes, and the next article starts afresh. */
  close(): void {
    this.preview.clear();
    this.root.hidden = true;
    this.toggled(false);
    this.review = null;
    this.reviewed = null;
    this.editing = null;
    for (const input of [this.inputs.title, this.inputs.publisher, this.inputs.url, this.inputs.published, this.inputs.text, this.inputs.file]) input.value = '';
    this.inputs.html.checked = false;
    this.comment.value = '';
    this.inputError.hidden = true;
    this.reviewError.hidden = true;
    this.heading.textContent = 'Add an article';
    fill(this.body, this.inputStep);
    this.opener?.focus();
  }

  private buildInputStep(): HTMLElement {
    const labelled = (text: string, control: HTMLElement & { id: string }, hint?: string): HTMLElement => {
      control.id ||= fieldId('article');
      const hintElement = hint ? h('span', { class: 'muted small', id: `${control.id}-hint` }, hint) : null;
      if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
      return h('div', { class: 'edit-field' }, h('label', { for: control.id }, text), control, hintElement);
    };
    this.inputs.file.addEventListener('change', () => void this.openFile());
    const form = h(
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
      this.inputError,
      h('div', { class: 'edit-actions' }, h('button', { type: 'button', 'data-testid': 'article-cancel', onclick: () => this.close() }, 'Cancel'), this.findButton),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.findFacts();
    });
    return form;
  }

  private source(): SourceFields {
    return { title: this.inputs.title.value, publisher: this.inputs.publisher.value, url: this.inputs.url.value, published: this.inputs.published.value };
  }

  private showInputError(message: string, details: string[] = []): void {
    fill(this.inputError, h('p', {}, message), details.length > 0 ? h('ul', {}, ...details.map((line) => h('li', {}, line))) : null);
    this.inputError.hidden = false;
    this.inputError.scrollIntoView({ block: 'nearest' });
  }

  /** Reads the file in the browser as text: its words go into the text box, HTML marked as HTML (sent to the server as such). */
  private async openFile(): Promise<void> {
    const file = this.inputs.file.files?.[0];
    if (!file) return;
    this.inputError.hidden = true;
    const html = HTML_FILES.test(file.name) || file.type === 'text/html';
    if (!html && !TEXT_FILES.test(file.name) && !file.type.startsWith('text/')) {
      this.showInputError(`“${file.name}” is not a .txt, .md or .html file: open the article as text, or paste it.`);
      this.inputs.file.value = '';
      return;
    }
    try {
      this.inputs.text.value = await file.text();
      this.inputs.html.checked = html;
    } catch (error) {
      this.showInputError(`“${file.name}” could not be read: ${(error as Error).message}`);
    }
  }

  private async findFacts(): Promise<void> {
    if (this.findButton.disabled) return;
    this.inputError.hidden = true;
    for (const input of Object.values(this.inputs)) input.removeAttribute('aria-invalid');
    const problems = sourceProblems(this.source());
    const raw = this.inputs.text.value;
    if (raw.trim() === '') problems.unshift({ field: 'title', message: 'The article is empty: paste its text, or open a .txt, .md or .html file.' });
    if (problems.length > 0) {
      for (const problem of problems) this.inputs[problem.message.startsWith('The article is empty') ? 'text' : problem.field].setAttribute('aria-invalid', 'true');
      this.showInputError(problems.length === 1 ? problems[0]!.message : 'The article cannot be read yet:', problems.length === 1 ? [] : problems.map((problem) => problem.message));
      this.root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const source = this.source();
    const asked = `${this.inputs.html.checked ? 'html' : 'text'}:${raw}`;
    if (this.review && this.reviewed === asked) {
      this.showReview();
      return;
    }
    this.findButton.disabled = true;
    this.findButton.textContent = 'Finding facts…';
    try {
      const [result, model] = await Promise.all([
        api.extract({ ...(this.inputs.html.checked ? { html: raw } : { text: raw }), source: { title: source.title.trim(), publisher: source.publisher.trim(), url: source.url.trim(), published: source.published } }),
        this.context.model(),
      ]);
      if (result.entities.length === 0) {
        this.showInputError(result.note ?? 'No entities found in the article: nothing to review.');
        return;
      }
      this.reviewed = asked;
      this.model = model;
      this.review = startReview(result);
      this.editing = null;
      // (A comment the user wrote is kept; the default follows the title.)
      if (this.comment.value.trim() === '' || this.comment.value.startsWith('Add article: ')) this.comment.value = `Add article: ${source.title.trim()}`;
      this.notice.textContent = result.note ?? '';
      this.showReview();
    } catch (error) {
      const status = error instanceof ApiRequestError ? error.status : -1;
      this.showInputError(extractionError(status, (error as Error).message));
    } finally {
      this.findButton.disabled = false;
      this.findButton.textContent = 'Find facts';
    }
  }

  private readonly actions: ReviewActions = {
    decideEntity: (key, decision) => {
      if (!this.review) return;
      const { review, dropped, restored } = decideEntity(this.review, key, decision);
      this.review = review;
      const name = nameOf(review, key);
      const facts = (items: typeof dropped): string => items.map((item) => `${nameOf(review, item.from)} —${item.type}→ ${nameOf(review, item.to)}`).join('; ');
      if (dropped.length > 0) this.notice.textContent = `Rejecting ${name} also rejects its ${dropped.length === 1 ? 'relationship' : `${dropped.length} relationships`}: ${facts(dropped)}.`;
      else if (restored.length > 0) this.notice.textContent = `${name} is back, and with it ${facts(restored)} (not decided).`;
      else this.notice.textContent = '';
      this.redraw();
    },
    decideRelationship: (index, decision) => {
      if (!this.review) return;
      const { review, refusal } = decideRelationship(this.review, index, decision);
      this.review = review;
      this.notice.textContent = refusal ?? '';
      this.redraw();
    },
    startEdit: (owner) => {
      const closing = this.editing;
      this.editing = owner;
      this.redraw(owner ? `${owner}:first-field` : closing ? `${closing}:candidate-edit` : undefined);
    },
    editEntity: (key, edit) => {
      if (!this.review) return;
      if (edit.name.trim() === '') {
        this.notice.textContent = 'Give the entity a name (or reject it).';
        return;
      }
      this.review = editEntity(this.review, key, { name: edit.name.trim(), label: edit.label.trim() });
      this.editing = null;
      this.notice.textContent = '';
      this.redraw(`entity:${key}:candidate-edit`);
    },
    editRelationship: (index, edit) => {
      if (!this.review) return;
      if (edit.quote.trim() === '') {
        this.notice.textContent = 'The quote cannot be empty: every fact keeps the sentence that states it.';
        return;
      }
      this.review = editRelationship(this.review, index, { type: edit.type || undefined, quote: edit.quote.trim(), swap: edit.swap });
      this.editing = null;
      this.notice.textContent = '';
      this.redraw(`relationship:${index}:candidate-edit`);
    },
  };

  private showReview(): void {
    this.heading.textContent = `Review: ${this.inputs.title.value.trim()}`;
    fill(this.body, this.reviewStep);
    this.redraw();
    this.heading.focus();
  }

  /** Draws the review again (keeping the focus and the scroll where they were) and the preview on the canvas. */
  private redraw(focus?: string): void {
    const review = this.review;
    const model = this.model;
    if (!review || !model) return;
    const focused = focus ?? (document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement) ? document.activeElement.dataset.focus : undefined);
    const scrolls = [...this.reviewStep.querySelectorAll<HTMLElement>('[data-scroll]')].map((element) => [element.dataset.scroll, element.scrollTop] as const);
    const tally = tallyReview(review);
    const entities = review.entities.map((entity) => entityCard(entity, model, this.editing === `entity:${entity.key}`, this.actions));
    const relationships = review.relationships.map((item) => relationshipCard(review, item, model, this.editing === `relationship:${item.index}`, this.actions));
    const text = h('section', { class: 'article-text', 'aria-label': 'The article, its mentions highlighted', tabindex: 0, 'data-scroll': 'text' }, articleText(review));
    const list = h(
      'div',
      { class: 'article-candidates', 'data-scroll': 'candidates' },
      h('h3', {}, `Entities (${review.entities.length})`, h('span', { class: 'muted small' }, ` · ${review.entities.filter(inGraph).length} in the graph`)),
      h('ul', { class: 'candidate-list', 'data-testid': 'candidate-entities' }, ...entities),
      h('h3', {}, `Relationships (${review.relationships.length})`),
      review.relationships.length === 0 ? h('p', { class: 'muted' }, 'No sentence states a relationship that extraction knows.') : h('ul', { class: 'candidate-list', 'data-testid': 'candidate-relationships' }, ...relationships),
    );
    for (const card of [...entities, ...relationships]) this.lightOnHover(card, text);
    const commentId = fieldId('article-comment');
    this.comment.id = commentId;
    this.commitButton.onclick = () => void this.commit();
    fill(
      this.reviewStep,
      h('div', { class: 'article-columns' }, text, list),
      this.notice,
      this.reviewError,
      h(
        'div',
        { class: 'article-foot' },
        h('span', { class: 'article-tally', 'data-testid': 'article-tally' }, `${tally.accepted} accepted · ${tally.rejected} rejected · ${tally.undecided} not decided${tally.undecided > 0 ? ' (left out)' : ''}`),
        h('div', { class: 'edit-field article-comment' }, h('label', { for: commentId }, 'Comment (kept in the history)'), this.comment),
        h(
          'div',
          { class: 'edit-actions' },
          h('button', { type: 'button', 'data-testid': 'article-back', 'data-focus': 'back', onclick: () => this.back() }, '← Edit the text'),
          h('button', { type: 'button', 'data-testid': 'article-accept-rest', 'data-focus': 'accept-rest', disabled: tally.undecided === 0, onclick: () => ((this.review = acceptRest(review)), this.redraw()) }, 'Accept the rest'),
          h('button', { type: 'button', 'data-testid': 'article-cancel-review', 'data-focus': 'cancel', onclick: () => this.close() }, 'Cancel'),
          this.commitButton,
        ),
      ),
    );
    for (const [name, top] of scrolls) {
      const element = this.reviewStep.querySelector<HTMLElement>(`[data-scroll="${name}"]`);
      if (element) element.scrollTop = top;
    }
    if (focused?.endsWith(':first-field')) this.reviewStep.querySelector<HTMLElement>('[data-testid="candidate-edit-fields"] input, [data-testid="candidate-edit-fields"] select')?.focus();
    else if (focused) this.reviewStep.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`)?.focus({ preventScroll: false });
    this.preview.show(previewGraph(review), this.context.state());
  }

  /** Hovering or focusing a card lights its mentions (or its quote) in the text, brought into view. */
  private lightOnHover(card: HTMLElement, text: HTMLElement): void {
    const owner = card.dataset.owner!;
    const light = (on: boolean): void => {
      const parts = [...text.querySelectorAll<HTMLElement>(`[data-owners~="${CSS.escape(owner)}"]`)];
      for (const part of parts) part.classList.toggle('lit', on);
      card.classList.toggle('lit', on);
      if (on && parts[0]) {
        const box = text.getBoundingClientRect();
        const at = parts[0].getBoundingClientRect();
        if (at.top < box.top || at.bottom > box.bottom) text.scrollTop += at.top - box.top - box.height / 3;
      }
    };
    card.addEventListener('mouseenter', () => light(true));
    card.addEventListener('mouseleave', () => light(card.contains(document.activeElement)));
    card.addEventListener('focusin', () => light(true));
    card.addEventListener('focusout', (event) => light(card.contains(event.relatedTarget as Node | null)));
  }

  /** Back to the article and its source; finding the facts of the same text again keeps what was decided. */
  private back(): void {
    this.preview.clear();
    this.heading.textContent = 'Add an article';
    fill(this.body, this.inputStep);
    this.inputs.text.focus();
  }

  private async commit(): Promise<void> {
    const review = this.review;
    if (!review || this.commitButton.disabled) return;
    this.reviewError.hidden = true;
    let operation;
    try {
      operation = commitOperation(review, this.source());
    } catch (error) {
      this.showReviewError((error as Error).message);
      return;
    }
    const state = this.context.state();
    const bring = review.entities
      .filter((entity) => entity.candidate.existingId !== null && !state.nodes[entity.candidate.existingId] && operation.entities.some((each) => each.ref === entity.key))
      .map((entity) => entity.key);
    this.commitButton.disabled = true;
    this.commitButton.textContent = 'Committing…';
    try {
      await this.context.send({ comment: this.comment.value.trim() || `Add article: ${operation.source.title}`, operations: [operation] }, { placeAt: this.preview.placed(), bring });
      this.close();
    } catch (error) {
      const status = error instanceof ApiRequestError ? error.status : -1;
      const problem = error instanceof ApiRequestError ? error.problem : null;
      const { message, details } = refusalText(status, problem, (error as Error).message);
      this.showReviewError(message, details);
    } finally {
      this.commitButton.disabled = false;
      this.commitButton.textContent = 'Commit';
    }
  }

  private showReviewError(message: string, details: string[] = []): void {
    fill(this.reviewError, h('p', {}, message), details.length > 0 ? h('ul', {}, ...details.map((line) => h('li', {}, line))) : null);
    this.reviewError.hidden = false;
    this.reviewError.scrollIntoView({ block: 'nearest' });
  }
}
