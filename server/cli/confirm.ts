/**
 * Asking before a command destroys data: on a terminal, a y/N question (anything but y or yes is no);
 * elsewhere (a pipe, CI) there is nobody to ask, so the command needs its --yes flag.
 */
import readline from 'node:readline/promises';

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

export type Confirmation = 'yes' | 'no' | 'not-a-terminal';

/** `yes` given, or the person at the terminal answered y; `not-a-terminal` when nobody can answer. */
export async function confirm(question: string, options: { yes: boolean; terminal?: Terminal }): Promise<Confirmation> {
  if (options.yes) return 'yes';
  const { input, output } = options.terminal ?? { input: process.stdin, output: process.stdout };
  if (!input.isTTY) return 'not-a-terminal';
  const prompt = readline.createInterface({ input, output });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^\s*y(es)?\s*$/i.test(answer) ? 'yes' : 'no';
  } finally {
    prompt.close();
  }
}
