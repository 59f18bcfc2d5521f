// `sidedoor init [DIR]`: interactive. Scaffolds a register that validates as written: sidedoor.yaml, the standard
// zones, a commented example of each entity. No .gitignore: the parse cache lives outside the checkout, so there is
// nothing of sidedoor's to ignore. `--yes` takes every default without asking, which is what a script wants, and works
// without a terminal.

import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Command } from 'commander';
import { askInit, defaultInitAnswers } from '../../authoring/init-flow.js';
import type { InitAnswers } from '../../authoring/init-flow.js';
import { scaffoldRegister } from '../../authoring/init-scaffold.js';
import { initTargetProblem } from '../../authoring/init-target.js';
import { loadRegister } from '../../register/load-register.js';
import { terminalText } from '../../report/terminal-text.js';
import { InvalidRegisterError, UsageError } from '../errors.js';
import { DEFAULT_MAX_DIAGNOSTICS, formatDiagnostics } from '../load.js';
import { writeRegisterFile } from '../write-edit.js';
import { resolveToday } from '../today.js';
import { askOrInterrupt, refuseWithoutTerminal } from '../tty.js';

export function initCommand(): Command {
  return new Command('init')
    .description('create a register: sidedoor.yaml, standard zones, and a commented example of a vendor, a system and a link')
    .argument('[dir]', 'the directory to create the register in (created if missing)', '.')
    .option('-y, --yes', 'take every default without asking (no terminal needed)')
    .addHelpText('after', `
Interactive unless --yes: without a terminal (stdin and stdout must be a TTY) and without --yes it exits 2 and
changes nothing. Ctrl-C at any question exits 130 and writes nothing. It never overwrites a register, and refuses a
directory inside another register or already holding YAML files.`)
    .action(async (dir: string, options: { yes?: boolean }) => {
      if (!options.yes && refuseWithoutTerminal('init', 'To take every default without questions, run `sidedoor init --yes`.')) return;
      const target = resolve(dir);
      const problem = initTargetProblem(target);
      if (problem !== undefined) throw new UsageError(problem);
      const defaults = defaultInitAnswers(basename(target) || 'My organization');
      let answers: InitAnswers = defaults;
      if (!options.yes) {
        // Loaded here: the prompt library is the heaviest import, and only interactive commands need it.
        const { inquirerPrompter } = await import('../inquirer-prompter.js');
        const outcome = await askOrInterrupt(() => askInit(inquirerPrompter(), defaults));
        if (!outcome.answered) return;
        answers = outcome.value;
      }
      const again = initTargetProblem(target);
      if (again !== undefined) throw new UsageError(`${again}; nothing was written`);
      const files = scaffoldRegister(answers, resolveToday(undefined));
      mkdirSync(target, { recursive: true });
      // sidedoor.yaml last: until it exists, an interrupted init has not made a register that looks complete.
      for (const file of [...files.filter((f) => f.path !== 'sidedoor.yaml'), ...files.filter((f) => f.path === 'sidedoor.yaml')]) {
        writeRegisterFile(target, file.path, file.content, undefined);
      }

      const loaded = loadRegister(target);
      if (!loaded.register) {
        process.stderr.write(formatDiagnostics(loaded.diagnostics, DEFAULT_MAX_DIAGNOSTICS, process.stderr.isTTY === true));
        throw new InvalidRegisterError('the new register does not validate');
      }
      const written = files.map((f) => f.path).sort();
      process.stdout.write(`Created a register in ${terminalText(target)}:\n${written.map((f) => `  ${f}\n`).join('')}`
        + `Next: edit the examples, or run \`sidedoor add vendor|system|link|zone\`; \`sidedoor validate\` and \`sidedoor scan\` check it.\n`);
    });
}
