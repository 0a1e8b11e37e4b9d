/**
 * HTML reduced to its readable text with a real parser (htmlparser2): nothing of the page runs.
 * Scripts, styles, templates, embedded frames and objects are dropped with their content; attributes
 * (event handlers among them) are never read; block elements end a line so that sentences do not run
 * together. Pure.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is not readable text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'canvas', 'select', 'button', 'textarea']);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** The readable text of an HTML document or fragment: paragraphs on lines of their own, spaces collapsed. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let dropped = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (DROPPED.has(name)) dropped += 1;
        else if (BLOCKS.has(name)) parts.push('\n');
      },
      onclosetag(name) {
        if (DROPPED.has(name)) dropped = Math.max(0, dropped - 1);
        else if (BLOCKS.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (dropped === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\r\f\v]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
