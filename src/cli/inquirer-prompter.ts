// The Prompter of src/authoring/, implemented with @inquirer/prompts. Every text that may come from the register
// (choice names, messages, previews) is neutralised before it reaches the terminal.

import { confirm, input, search, select } from '@inquirer/prompts';
import type { Choice, ChoiceQuestion, Prompter } from '../authoring/prompter.js';
import { terminalBlock, terminalText } from '../report/terminal-text.js';

const PAGE_SIZE = 12;

function shown<T extends string>(choice: Choice<T>) {
  return {
    value: choice.value,
    name: terminalText(choice.name ?? choice.value),
    description: choice.description === undefined ? undefined : terminalText(choice.description),
  };
}

/** The default first, so that Enter on an empty search picks it, as it would in a select. */
function defaultFirst<T extends string>(question: ChoiceQuestion<T>): Choice<T>[] {
  const index = question.choices.findIndex((c) => c.value === question.default);
  if (index <= 0) return question.choices;
  return [question.choices[index], ...question.choices.slice(0, index), ...question.choices.slice(index + 1)];
}

export function inquirerPrompter(): Prompter {
  return {
    input: (question) => input({
      message: terminalText(question.message),
      default: question.default,
      validate: question.validate ? (value) => {
        const verdict = question.validate?.(value) ?? true;
        return verdict === true ? true : terminalText(verdict);
      } : undefined,
    }),
    select: <T extends string>(question: ChoiceQuestion<T>) => select<T>({
      message: terminalText(question.message),
      choices: question.choices.map(shown),
      default: question.default,
      pageSize: PAGE_SIZE,
    }),
    search: <T extends string>(question: ChoiceQuestion<T>) => {
      const ordered = defaultFirst(question);
      return search<T>({
        message: `${terminalText(question.message)} (type to filter)`,
        pageSize: PAGE_SIZE,
        source: (term) => {
          const wanted = (term ?? '').toLowerCase();
          return ordered.filter((c) => wanted === '' || `${c.value} ${c.name ?? ''}`.toLowerCase().includes(wanted)).map(shown);
        },
      });
    },
    confirm: (question) => confirm({ message: terminalText(question.message), default: question.default }),
    say: (text) => {
      process.stdout.write(terminalBlock(text));
    },
  };
}
