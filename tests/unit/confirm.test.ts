import { PassThrough } from 'node:stream';
import { confirm } from '../../server/cli/confirm';

/** A terminal the test types into: a readable marked as a TTY, and what the prompt printed. */
function terminal(typed: string, isTTY = true) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  setTimeout(() => input.write(typed), 10);
  return { terminal: { input, output }, printed: () => printed };
}

test('on a terminal, import --reset asks y/N and goes on only for y or yes', async () => {
  for (const [typed, expected] of [['y\n', 'yes'], ['YES\n', 'yes'], ['n\n', 'no'], ['\n', 'no'], ['yep\n', 'no']] as const) {
    const { terminal: tty, printed } = terminal(typed);
    expect(await confirm('Delete everything?', { yes: false, terminal: tty })).toBe(expected);
    expect(printed()).toContain('Delete everything? [y/N]');
  }
});

test('without a terminal nobody is asked: not-a-terminal, unless --yes was given', async () => {
  expect(await confirm('Delete everything?', { yes: false, terminal: terminal('y\n', false).terminal })).toBe('not-a-terminal');
  expect(await confirm('Delete everything?', { yes: true, terminal: terminal('', false).terminal })).toBe('yes');
});
