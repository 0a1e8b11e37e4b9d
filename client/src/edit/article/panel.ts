/**
 * "Add an article": a panel over the left of the canvas (not modal: the canvas beside it previews
 * what is accepted). First the article and its source (article-form.ts); "Find facts" asks
 * POST /api/extract. Then the review (review.ts, drawn by review-view.ts); "Commit" sends one
 * change with one commitArticle operation. Every error is shown in the panel, and nothing typed or
 * decided is lost by one.
 */
import type { EditModel } from '../../../../server/contract';
import { api, ApiRequestError } from '../../api';
import { Panel, type CoveredAreas } from '../../layout/panel';
import { fill, h } from '../../ui/dom';
import { AUTHOR_MAX, readAuthor, storeAuthor } from '../author';
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
  startReview,
  tallyReview,
  type Review,
} from './review';
import { ArticleForm, showIn, type ArticleInput } from './article-form';
import { articleText, entityCard, lightOnHover, relationshipCard, type ReviewActions } from './review-view';

export class ArticlePanel {
  readonly root: HTMLElement;
  private readonly body = h('div', { class: 'article-steps' });
  private readonly heading = h('h2', { id: fieldId('article-title'), tabindex: -1 }, 'Add an article');
  private readonly form = new ArticleForm((input) => this.findFacts(input), () => this.close());
  private readonly reviewError = h('div', { class: 'edit-error', role: 'alert', 'data-testid': 'article-review-error', hidden: true });
  private readonly notice = h('p', { class: 'article-notice', role: 'status', 'data-testid': 'article-notice' });
  private readonly comment = h('input', { type: 'text', autocomplete: 'off', maxlength: 2000, 'data-testid': 'article-comment' });
  /** Who commits (kept in this browser, as in the edit forms: edit/author.ts). */
  private readonly author = h('input', { type: 'text', autocomplete: 'name', maxlength: AUTHOR_MAX, placeholder: 'local', 'data-testid': 'article-author' });
  private readonly commitButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'article-commit' }, 'Commit');
  private readonly reviewStep = h('div', { class: 'article-review', 'data-testid': 'article-review' });
  private review: Review | null = null;
  /** The article text (and whether it was HTML) the review was found in: finding facts in the same text again keeps the decisions. */
  private reviewed: string | null = null;
  private model: EditModel | null = null;
  /** The card being edited inline ("entity:key", "relationship:3"). */
  private editing: string | null = null;
  /**
   * Opened by its button (again: the open panel takes the focus), closed by × or Cancel; over the
   * canvas. Not by Escape: closing drops the review, and Escape is what leaves a field.
   */
  readonly panel: Panel;

  constructor(
    private readonly context: EditContext,
    private readonly preview: ProposedLayer,
    container: HTMLElement,
    opener: HTMLElement,
    covers: CoveredAreas,
  ) {
    this.root = h('section', { id: 'article-panel', class: 'article-panel', role: 'dialog', 'aria-labelledby': this.heading.id, hidden: true, 'data-testid': 'article-panel' });
    const close = h('button', { type: 'button', class: 'icon', 'aria-label': 'Close (the preview goes, nothing is written)', title: 'Close', 'data-testid': 'article-close', onclick: () => this.close() }, '×');
    this.root.append(h('div', { class: 'article-head' }, this.heading, close), this.body);
    fill(this.body, this.form.element);
    container.append(this.root);
    this.panel = new Panel(this.root, {
      opener,
      openerOpens: true,
      covers,
      focus: (again) => (again || this.review ? this.heading.focus() : this.form.focus()),
      toggled: (open) => (open ? this.opened() : this.closed()),
    });
  }

  get isOpen(): boolean {
    return this.panel.isOpen;
  }

  contains(target: EventTarget | null): boolean {
    return this.panel.contains(target);
  }

  open(opener?: HTMLElement | null): void {
    this.panel.open(opener);
  }

  close(): void {
    this.panel.close();
  }

  private opened(): void {
    if (this.author.value.trim() === '') this.author.value = readAuthor();
    if (this.review) this.showReview();
  }

  /** The panel closed: the preview goes, and the next article starts afresh. */
  private closed(): void {
    this.preview.clear();
    this.review = null;
    this.reviewed = null;
    this.editing = null;
    this.form.reset();
    this.comment.value = '';
    this.reviewError.hidden = true;
    this.heading.textContent = 'Add an article';
    fill(this.body, this.form.element);
  }

  /** Finds the facts of the article (or shows the review again when it is the text already reviewed). */
  private async findFacts(input: ArticleInput): Promise<void> {
    const asked = `${input.html ? 'html' : 'text'}:${input.raw}`;
    if (this.review && this.reviewed === asked) {
      this.showReview();
      return;
    }
    const { source } = input;
    try {
      const [result, model] = await Promise.all([
        api.extract({ ...(input.html ? { html: input.raw } : { text: input.raw }), source: { title: source.title.trim(), publisher: source.publisher.trim(), url: source.url.trim(), published: source.published } }),
        this.context.model(),
      ]);
      if (result.entities.length === 0) {
        this.form.showError(result.note ?? 'No entities found in the article: nothing to review.');
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
      this.form.showError(extractionError(status, (error as Error).message));
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
    this.heading.textContent = `Review: ${this.form.source().title.trim()}`;
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
    for (const card of [...entities, ...relationships]) lightOnHover(card, text);
    const commentId = fieldId('article-comment');
    this.comment.id = commentId;
    const authorId = fieldId('article-author');
    this.author.id = authorId;
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
        h('div', { class: 'edit-field article-author' }, h('label', { for: authorId }, 'Your name'), this.author),
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

  /** Back to the article and its source; finding the facts of the same text again keeps what was decided. */
  private back(): void {
    this.preview.clear();
    this.heading.textContent = 'Add an article';
    fill(this.body, this.form.element);
    this.form.focus('text');
  }

  private async commit(): Promise<void> {
    const review = this.review;
    if (!review || this.commitButton.disabled) return;
    this.reviewError.hidden = true;
    let operation;
    try {
      operation = commitOperation(review, this.form.source());
    } catch (error) {
      this.showReviewError((error as Error).message);
      return;
    }
    const state = this.context.state();
    const bring = review.entities
      .filter((entity) => entity.candidate.existingId !== null && !state.nodes[entity.candidate.existingId] && operation.entities.some((each) => each.ref === entity.key))
      .map((entity) => entity.key);
    storeAuthor(this.author.value);
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
    showIn(this.reviewError, message, details);
  }
}
