// The terminal checks of the interactive commands: both stdin and stdout must be terminals; the refusal names the
// alternatives; only inquirer's interruption errors count as Ctrl-C.

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasTerminal, isPromptInterrupted, noTerminalMessage, REGISTER_FILE_SCHEMA } from '../../src/cli/tty.js';

describe('hasTerminal', () => {
  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [undefined, true, false],
  ])('stdin %s, stdout %s → %s', (stdin, stdout, expected) => {
    expect(hasTerminal({ isTTY: stdin }, { isTTY: stdout })).toBe(expected);
  });
});

describe('the refusal', () => {
  it('says what to do instead, pointing at the schema that exists in this installation', () => {
    const message = noTerminalMessage('add zone');
    expect(message).toMatch(/^`sidedoor add zone` is interactive and needs a terminal .*nothing was changed\./);
    expect(message).toContain('docs/register-format.md');
    expect(message).toContain(REGISTER_FILE_SCHEMA);
    expect(existsSync(REGISTER_FILE_SCHEMA)).toBe(true);
    expect(noTerminalMessage('init', 'Run `sidedoor init --yes`.').split('\n')[1]).toBe('Run `sidedoor init --yes`.');
  });
});

describe('isPromptInterrupted', () => {
  it('recognises inquirer\'s exit and abort errors only', () => {
    const exit = Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    const abort = Object.assign(new Error('aborted'), { name: 'AbortPromptError' });
    expect(isPromptInterrupted(exit)).toBe(true);
    expect(isPromptInterrupted(abort)).toBe(true);
    expect(isPromptInterrupted(new Error('boom'))).toBe(false);
    expect(isPromptInterrupted('ExitPromptError')).toBe(false);
  });
});
