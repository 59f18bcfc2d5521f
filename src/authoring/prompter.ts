// The questions an authoring flow asks, as an interface. The CLI implements it with @inquirer/prompts; tests implement
// it with scripted answers looked up by question name, so every flow runs without a terminal.

export interface Choice<T extends string = string> {
  value: T;
  /** What the list shows; the value when left out. */
  name?: string;
  description?: string;
}

/** `true` accepts the answer; a string is the message shown before asking again. */
export type Validator = (value: string) => true | string;

export interface InputQuestion {
  /** Stable name of the question (a field path such as `contacts.0.email`): how scripted answers find it. */
  name: string;
  message: string;
  /** Taken when the answer is left empty. */
  default?: string;
  validate?: Validator;
}

export interface ChoiceQuestion<T extends string = string> {
  name: string;
  message: string;
  choices: Choice<T>[];
  /** Preselected value; the first choice when left out. */
  default?: T;
}

export interface ConfirmQuestion {
  name: string;
  message: string;
  default: boolean;
}

export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  select<T extends string>(question: ChoiceQuestion<T>): Promise<T>;
  /** Like select, but the list narrows as the user types: for long lists of references. */
  search<T extends string>(question: ChoiceQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Shows text between questions: a preview of the YAML, the findings an acceptance covers. */
  say(text: string): void;
}

/** Lists longer than this are searched rather than scrolled. */
export const SEARCH_THRESHOLD = 10;

export function chooseOne<T extends string>(prompter: Prompter, question: ChoiceQuestion<T>): Promise<T> {
  return question.choices.length > SEARCH_THRESHOLD ? prompter.search(question) : prompter.select(question);
}
