// `sidedoor add link`: from and to first; then, behind "add details?" (yes by default: a link's protocol and
// authentication are what the rules judge), every other field of SPEC §1.6. The id comes last, because its default
// depends on the port: accepting the default leaves `id` out of the YAML, and a default already in use must be
// replaced by an explicit id.

import { defaultLinkId } from '../register/build-register.js';
import { linkSchema } from '../register/schema.js';
import type { LinkInput } from '../register/schema.js';
import { PLAINTEXT_PROTOCOLS } from '../register/types.js';
import { newIdCheck } from './answer-checks.js';
import { askOptionalBoolean, askOptionalChoice, askOptionalInteger, askOptionalText, entity, pickMany } from './flow-helpers.js';
import type { Prompter } from './prompter.js';
import { chooseOne } from './prompter.js';
import { gatewayChoices, nodeChoices } from './reference-choices.js';
import type { RegisterWorkspace } from './workspace.js';

const KIND_HELP = {
  'remote-access': 'a vendor or admin takes control remotely',
  credential: '`from` holds secrets that open `to`; crosses any segmentation',
};
const AUTH_KINDS = ['password', 'key', 'certificate', 'mfa'] as const;

export async function askLink(prompter: Prompter, workspace: RegisterWorkspace): Promise<LinkInput> {
  const from = await chooseOne(prompter, {
    name: 'from', message: 'From: the node that initiates (whoever controls it can attack the target)', choices: nodeChoices(workspace, { internet: true }),
  });
  const to = await chooseOne(prompter, { name: 'to', message: 'To: the target node', choices: nodeChoices(workspace, { exclude: from }) });
  let details: [string, unknown][] = [];
  let port: number | undefined;
  if (await prompter.confirm({ name: 'details', message: 'Add details (kind, protocol, port, authentication, gateways, …)?', default: true })) {
    const kind = await askOptionalChoice(prompter, 'kind', 'Kind of link', ['remote-access', 'credential'] as const, '(leave out: network)', (value) => `(${KIND_HELP[value]})`);
    const protocol = await askOptionalText(prompter, 'protocol', 'Protocol (https, ldaps, rdp, ssh, smb, sql, http, ftp, telnet, snmp, …)');
    port = await askOptionalInteger(prompter, 'port', 'Port', linkSchema.shape.port);
    const auth = await askOptionalChoice(prompter, 'auth', 'Authentication', AUTH_KINDS, '(leave out: none)');
    const plaintext = protocol !== undefined && PLAINTEXT_PROTOCOLS.includes(protocol);
    const encrypted = await askOptionalBoolean(prompter, 'encrypted', 'Is the traffic encrypted?', `(leave out: ${protocol === undefined ? 'from the protocol' : plaintext ? `no, ${protocol} is plaintext` : 'yes'})`);
    const gateways = gatewayChoices(workspace).filter((c) => c.value !== from && c.value !== to);
    const via = gateways.length === 0 ? [] : await pickMany(prompter, 'via', 'Gateways (enforcement systems) the traffic passes through', gateways);
    const bidirectional = await prompter.confirm({ name: 'bidirectional', message: 'Does it flow both ways?', default: false });
    const onDemand = await prompter.confirm({ name: 'on_demand', message: 'Is it enabled only on request, for a limited time?', default: false });
    details = [
      ['kind', kind], ['protocol', protocol], ['port', port], ['auth', auth], ['encrypted', encrypted], ['via', via],
      ['bidirectional', bidirectional ? true : undefined], ['on_demand', onDemand ? true : undefined],
      ['purpose', await askOptionalText(prompter, 'purpose', 'Purpose')],
      ['ticket', await askOptionalText(prompter, 'ticket', 'Ticket')],
      ['description', await askOptionalText(prompter, 'description', 'Description')],
    ];
  }
  const implied = defaultLinkId(from, to, port);
  const impliedTaken = workspace.linkIdsTaken.get(implied);
  const id = (await prompter.input({
    name: 'id',
    message: impliedTaken === undefined
      ? `Link id (Enter keeps the default ${implied})`
      : `Link id: the default ${implied} is already used (${impliedTaken}), so type another`,
    default: impliedTaken === undefined ? implied : undefined,
    validate: newIdCheck((value) => workspace.linkIdsTaken.get(value), 'link'),
  })).trim();
  return entity([['id', id === implied ? undefined : id], ['from', from], ['to', to], ...details]) as LinkInput;
}
