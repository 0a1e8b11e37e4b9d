/**
 * The edit forms' frame: a modal <dialog> (focus kept inside, Escape closes) with a title, the
 * form's fields, a place for the server's refusal, and its buttons. A failed save leaves every
 * field as the user left it. Built from DOM, text as text.
 */
import { ApiRequestError } from '../api';
import { Panel } from '../layout/panel';
import { fill, h } from '../ui/dom';
import { refusalText } from './rules';

let serial = 0;

/** A unique id for a form control (labels point at it). */
export function fieldId(name: string): string {
  serial += 1;
  return `edit-${name}-${serial}`;
}

export interface FormDialog {
  readonly root: HTMLDialogElement;
  readonly form: HTMLFormElement;
  /** Shows why the save did not go through, in the user's words; the fields stay as they are. */
  showError(error: unknown): void;
  showMessage(text: string, details?: string[]): void;
  close(): void;
}

export interface DialogOptions {
  title: string;
  testId: string;
  /** The submit button's text ("Create", "Delete"). */
  submit: string;
  danger?: boolean;
  /** Runs on submit; the dialog closes when it resolves, and shows the error when it throws. */
  save(dialog: FormDialog): Promise<void>;
}

/** A labelled control: the label's text above the control. */
export function labelled(text: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  if (!control.id) control.id = fieldId('field');
  const hintElement = hint ? h('span', { class: 'muted small edit-hint', id: `${control.id}-hint` }, hint) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'edit-field' }, h('label', { for: control.id }, text), control, hintElement);
}

export function openFormDialog(options: DialogOptions, ...fields: Array<Node | null>): FormDialog {
  const titleId = fieldId('title');
  const errorBox = h('div', { class: 'edit-error', role: 'alert', 'data-testid': 'edit-error', hidden: true });
  const submit = h('button', { type: 'submit', class: options.danger ? 'danger' : 'primary', 'data-testid': 'edit-submit' }, options.submit);
  const cancel = h('button', { type: 'button', 'data-testid': 'edit-cancel', onclick: () => dialog.close() }, 'Cancel');
  const form = h('form', { class: 'edit-form', method: 'dialog', novalidate: true }, ...fields, errorBox, h('div', { class: 'edit-actions' }, cancel, submit));
  const root = h('dialog', { class: 'edit-dialog', 'aria-labelledby': titleId, 'data-testid': options.testId }, h('h2', { id: titleId }, options.title), form);
  const dialog: FormDialog = {
    root,
    form,
    showError(error) {
      const status = error instanceof ApiRequestError ? error.status : -1;
      const problem = error instanceof ApiRequestError ? error.problem : null;
      const { message, details } = refusalText(status, problem, (error as Error)?.message ?? String(error));
      this.showMessage(message, details);
    },
    showMessage(text, details = []) {
      fill(errorBox, h('p', {}, text), details.length > 0 ? h('ul', {}, ...details.map((line) => h('li', {}, line))) : null);
      errorBox.hidden = false;
      errorBox.scrollIntoView({ block: 'nearest' });
    },
    close() {
      panel.close();
    },
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    errorBox.hidden = true;
    options.save(dialog).then(
      () => dialog.close(),
      (error: unknown) => {
        submit.disabled = false;
        dialog.showError(error);
      },
    );
  });
  // A panel: modal (the browser keeps the focus inside, and Escape closes it); the focus goes back to what had it.
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : undefined;
  const panel = new Panel(root, { focus: false });
  panel.onToggle((open) => {
    if (!open) root.remove();
  });
  document.body.append(root);
  panel.open(opener);
  return dialog;
}
