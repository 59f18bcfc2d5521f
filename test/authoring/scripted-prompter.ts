// A Prompter driven by answers looked up by question name, for tests. An answer missing from the script is Enter:
// the question's default (or the first choice of a list, or an empty input). Input answers pass through the
// question's validator like a person's would: a rejected answer is recorded with its message, and the next scripted
// answer for that name is tried, so tests can show a bad answer being refused and then corrected.

import type { ChoiceQuestion, ConfirmQuestion, InputQuestion, Prompter } from '../../src/authoring/prompter.js';

/** A scripted answer that stands for Ctrl-C: the prompt throws as inquirer does. */
export const CTRL_C = Symbol('ctrl-c');

export type Answer = string | boolean | typeof CTRL_C;

export interface Asked {
  name: string;
  kind: 'input' | 'select' | 'search' | 'confirm';
  message: string;
  default?: string | boolean;
  choices?: string[];
}

export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  readonly said: string[] = [];
  readonly rejected: { name: string; answer: string; message: string }[] = [];
  private readonly script: Map<string, Answer[]>;

  constructor(answers: Record<string, Answer | Answer[]> = {}) {
    this.script = new Map(Object.entries(answers).map(([name, answer]) => [name, Array.isArray(answer) ? [...answer] : [answer]]));
  }

  /** Names of scripted answers never asked for: a test that scripts a question the flow skips is wrong. */
  unused(): string[] {
    return [...this.script.entries()].filter(([, queue]) => queue.length > 0).map(([name]) => name);
  }

  private next(name: string): Answer | undefined {
    const queue = this.script.get(name);
    const answer = queue?.shift();
    if (answer === CTRL_C) {
      const error = new Error('User force closed the prompt with SIGINT');
      error.name = 'ExitPromptError';
      throw error;
    }
    return answer;
  }

  async input(question: InputQuestion): Promise<string> {
    this.asked.push({ name: question.name, kind: 'input', message: question.message, default: question.default });
    for (;;) {
      const scripted = this.next(question.name);
      if (scripted !== undefined && typeof scripted !== 'string') throw new Error(`${question.name}: input needs a string answer`);
      const value = scripted === undefined || scripted === '' ? (question.default ?? '') : scripted;
      const verdict = question.validate ? question.validate(value) : true;
      if (verdict === true) return value;
      this.rejected.push({ name: question.name, answer: value, message: verdict });
      if (scripted === undefined || (this.script.get(question.name)?.length ?? 0) === 0) {
        throw new Error(`${question.name}: answer '${value}' rejected (${verdict}) and no other answer scripted`);
      }
    }
  }

  async select<T extends string>(question: ChoiceQuestion<T>): Promise<T> {
    return this.choose('select', question);
  }

  async search<T extends string>(question: ChoiceQuestion<T>): Promise<T> {
    return this.choose('search', question);
  }

  private choose<T extends string>(kind: 'select' | 'search', question: ChoiceQuestion<T>): T {
    const values = question.choices.map((c) => c.value);
    this.asked.push({ name: question.name, kind, message: question.message, default: question.default, choices: values });
    const scripted = this.next(question.name);
    const value = scripted === undefined ? (question.default ?? values[0]) : scripted;
    if (typeof value !== 'string' || !values.includes(value as T)) {
      throw new Error(`${question.name}: '${String(value)}' is not one of the choices ${values.join(', ')}`);
    }
    return value as T;
  }

  async confirm(question: ConfirmQuestion): Promise<boolean> {
    this.asked.push({ name: question.name, kind: 'confirm', message: question.message, default: question.default });
    const scripted = this.next(question.name);
    if (scripted !== undefined && typeof scripted !== 'boolean') throw new Error(`${question.name}: confirm needs a boolean answer`);
    return scripted ?? question.default;
  }

  say(text: string): void {
    this.said.push(text);
  }
}
