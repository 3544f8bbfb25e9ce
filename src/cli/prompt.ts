import { createInterface } from 'node:readline/promises';
import { CliExit } from './output.js';
import { terminal } from './terminal.js';

// Asking the person at the terminal. Prompts go to stderr, so stdout stays the command's output.

/** Whether someone can answer a prompt. */
export const canPrompt = (): boolean => terminal().stdin.isTTY === true;

/** All of stdin without its final line break: a password piped in for --password-stdin. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of terminal().stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** One line typed at the terminal, shown as it is typed. */
export async function promptLine(question: string): Promise<string> {
  // Only asked when stdin is a terminal (canPrompt), which is the process's own.
  const rl = createInterface({ input: terminal().stdin, output: process.stderr, terminal: true });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/** A secret typed at the terminal without echo. Ctrl-C ends the command (exit 130). */
export function promptSecret(question: string): Promise<string> {
  const { stdin: input, stderr } = terminal();
  // Echo is off before the question shows, so nothing typed early appears on the screen.
  input.setRawMode?.(true);
  stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (then: () => void) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      stderr.write('\n');
      then();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value));
        if (ch === '\u0003') return finish(() => reject(new CliExit(130)));
        if (ch === '\u0004') {
          if (value === '') return finish(() => resolve(''));
        } else if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}
