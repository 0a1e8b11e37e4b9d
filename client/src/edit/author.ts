/**
 * Who makes a change, until sign-in exists: a name the user types once in an edit form, kept in
 * this browser (localStorage) and sent with each change and revert; without one the server records
 * "local".
 */
const AUTHOR_KEY = 'fingraph.author';
/** As the change API takes it (server/services/changes/request.ts). */
export const AUTHOR_MAX = 100;

export function readAuthor(): string {
  try {
    return (localStorage.getItem(AUTHOR_KEY) ?? '').trim().slice(0, AUTHOR_MAX);
  } catch {
    return '';
  }
}

export function storeAuthor(name: string): void {
  try {
    // (Control characters would be refused by the server: they are taken out as the name is kept.)
    // eslint-disable-next-line no-control-regex
    const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, AUTHOR_MAX);
    if (clean === '') localStorage.removeItem(AUTHOR_KEY);
    else localStorage.setItem(AUTHOR_KEY, clean);
  } catch {
    // Storage may be off (private windows): the changes are then recorded as "local".
  }
}

/** The author to send: the kept name, or nothing (the server's default). */
export function authorOf(): { author?: string } {
  const author = readAuthor();
  return author === '' ? {} : { author };
}
