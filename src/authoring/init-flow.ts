// `sidedoor init`: a few questions, each with a default, so that pressing Enter throughout (or `--yes`) gives a
// register that validates.

import type { Prompter } from './prompter.js';

export const ZONE_PRESETS = ['standard', 'minimal'] as const;
export type ZonePreset = (typeof ZONE_PRESETS)[number];

export interface InitAnswers {
  organization: string;
  zones: ZonePreset;
  /** Keep the built-in rule low-trust-to-sensitive. */
  builtinPolicy: boolean;
  /** Write a live example vendor, system and link (else the same examples, commented out). */
  examples: boolean;
}

export function defaultInitAnswers(organization: string): InitAnswers {
  return { organization, zones: 'standard', builtinPolicy: true, examples: true };
}

export async function askInit(prompter: Prompter, defaults: InitAnswers): Promise<InitAnswers> {
  const organization = (await prompter.input({
    name: 'organization',
    message: 'Organization name (shown in reports)',
    default: defaults.organization,
    validate: (value) => (value.trim() === '' ? 'an answer is required' : true),
  })).trim();
  const zones = await prompter.select<ZonePreset>({
    name: 'zones',
    message: 'Zones to start with',
    choices: [
      { value: 'standard', name: 'standard: guest, iot, dmz, office, servers, sensitive, admin' },
      { value: 'minimal', name: 'minimal: office, admin' },
    ],
    default: defaults.zones,
  });
  const builtinPolicy = await prompter.confirm({
    name: 'builtin_policy',
    message: 'Keep the built-in rule (trust 0-1 never reaches trust 3-4 but through a gateway)?',
    default: defaults.builtinPolicy,
  });
  const examples = await prompter.confirm({
    name: 'examples',
    message: 'Write a live example (a vendor, its system, a link)? Else it is commented out',
    default: defaults.examples,
  });
  return { organization, zones, builtinPolicy, examples };
}
