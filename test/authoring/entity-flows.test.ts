// Every question flow of `sidedoor add`, driven by scripted answers: required fields first, optional ones behind
// "add details?", each answer checked by the register's own schema (id pattern, dates, ranges) and for uniqueness,
// and the result accepted by the entity's zod schema.

import { describe, expect, it } from 'vitest';
import { askLink } from '../../src/authoring/link-flow.js';
import { askSystem } from '../../src/authoring/system-flow.js';
import { askVendor } from '../../src/authoring/vendor-flow.js';
import { askZone } from '../../src/authoring/zone-flow.js';
import { linkSchema, systemSchema, vendorSchema, zoneSchema } from '../../src/register/schema.js';
import { BASE_FILES, workspaceOf } from './fixtures.js';
import { ScriptedPrompter } from './scripted-prompter.js';

const workspace = workspaceOf();

describe('add zone', () => {
  it('asks id and trust, refusing a bad id and a taken one, and leaves details out by default', async () => {
    const prompter = new ScriptedPrompter({ id: ['Bad Id', 'office', 'dmz'], trust: '1' });
    const zone = await askZone(prompter, workspace);
    expect(zone).toEqual({ id: 'dmz', trust: 1 });
    expect(zoneSchema.parse(zone)).toEqual(zone);
    expect(prompter.rejected.map((r) => [r.answer, r.message])).toEqual([
      ['Bad Id', expect.stringMatching(/lowercase letters, digits/)],
      ['office', "zone 'office' already exists (zones.yaml:3); choose another id"],
    ]);
    expect(prompter.asked.map((q) => q.name)).toEqual(['id', 'trust', 'details']);
    expect(prompter.unused()).toEqual([]);
  });

  it('offers trust 0-4 with 2 as the default, and asks name and description behind details', async () => {
    const prompter = new ScriptedPrompter({ id: 'lab', details: true, name: 'Research lab', description: '' });
    const zone = await askZone(prompter, workspace);
    expect(zone).toEqual({ id: 'lab', name: 'Research lab', trust: 2 });
    const trust = prompter.asked.find((q) => q.name === 'trust');
    expect(trust).toMatchObject({ kind: 'select', default: '2', choices: ['0', '1', '2', '3', '4'] });
  });

  it('may redefine a built-in zone the register has not redefined', async () => {
    const zone = await askZone(new ScriptedPrompter({ id: 'third-party', trust: '1' }), workspace);
    expect(zone.id).toBe('third-party');
  });

  it('searches the zone list when it is long', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `  - id: z${String(i).padStart(2, '0')}\n    trust: 2\n`).join('');
    const big = workspaceOf({ ...BASE_FILES, 'more.yaml': `zones:\n${many}` });
    const prompter = new ScriptedPrompter({ id: 'srv', name: 'S', zone: 'z11' });
    const system = await askSystem(prompter, big);
    expect(system.zone).toBe('z11');
    expect(prompter.asked.find((q) => q.name === 'zone')?.kind).toBe('search');
    const small = new ScriptedPrompter({ id: 'srv', name: 'S', zone: 'office' });
    await askSystem(small, workspace);
    expect(small.asked.find((q) => q.name === 'zone')?.kind).toBe('select');
  });
});

describe('add vendor', () => {
  it('needs only id, name and tier', async () => {
    const prompter = new ScriptedPrompter({ id: ['acme', 'dc', 'globex'], name: ['', 'Globex'], tier: 'critical' });
    const vendor = await askVendor(prompter, workspace);
    expect(vendor).toEqual({ id: 'globex', name: 'Globex', tier: 'critical' });
    expect(prompter.rejected.map((r) => r.message)).toEqual([
      "a vendor or system 'acme' already exists (vendors/acme.yaml:2); choose another id",
      "a vendor or system 'dc' already exists (systems.yaml:7); choose another id",
      'an answer is required',
    ]);
    expect(prompter.asked.find((q) => q.name === 'tier')?.default).toBe('medium');
  });

  it('refuses the built-in node id internet', async () => {
    const prompter = new ScriptedPrompter({ id: ['internet', 'isp'], name: 'ISP' });
    expect((await askVendor(prompter, workspace)).id).toBe('isp');
    expect(prompter.rejected[0].message).toMatch(/'internet' already exists \(the built-in internet node\)/);
  });

  it('asks every field of SPEC 1.4 behind details, validating country and dates', async () => {
    const prompter = new ScriptedPrompter({
      id: 'globex', name: 'Globex SA', tier: 'high', details: true,
      zone: 'office', owner: 'Purchasing', country: ['fr', 'FR'], data: 'confidential', substitutability: 'hard', exit_plan: 'no',
      identifiers: true, 'identifiers.siren': '512345678', 'identifiers.vat': 'FR12512345678',
      'contacts.0.add': true, 'contacts.0.name': 'SOC', 'contacts.0.email': 'soc@globex.example', 'contacts.0.role': 'security',
      'contacts.1.add': true, 'contacts.1.name': 'Ann', 'contacts.1.email': 'ann@globex.example', 'contacts.1.role': 'account', 'contacts.1.phone': '+33 1 23',
      'contacts.2.add': false,
      contract: true, 'contract.ref': 'C-1', 'contract.start': ['2026-02-30', '2026-01-01'], 'contract.end': ['2025-12-31', '2028-12-31'],
      'contract.notice_days': ['-3', 'ten', '90'], 'contract.audit_rights': 'yes', 'contract.breach_notification_hours': '72',
      'assessments.0.add': true, 'assessments.0.date': '2026-03-01', 'assessments.0.kind': 'iso27001', 'assessments.0.result': 'conditional',
      'assessments.0.expires': '2027-03-01', 'assessments.0.evidence': 'GED-1',
      'certifications.0.add': true, 'certifications.0.name': 'ISO 27001',
      'subprocessors.0': 'acme',
      notes: 'Main ERP supplier',
    });
    const vendor = await askVendor(prompter, workspace);
    expect(vendor).toEqual({
      id: 'globex', name: 'Globex SA', tier: 'high', zone: 'office', owner: 'Purchasing', country: 'FR',
      identifiers: { siren: '512345678', vat: 'FR12512345678' },
      contacts: [
        { name: 'SOC', email: 'soc@globex.example', role: 'security' },
        { name: 'Ann', email: 'ann@globex.example', role: 'account', phone: '+33 1 23' },
      ],
      contract: { ref: 'C-1', start: '2026-01-01', end: '2028-12-31', notice_days: 90, audit_rights: true, breach_notification_hours: 72 },
      assessments: [{ date: '2026-03-01', kind: 'iso27001', result: 'conditional', expires: '2027-03-01', evidence: 'GED-1' }],
      certifications: [{ name: 'ISO 27001' }],
      subprocessors: ['acme'],
      data: 'confidential', substitutability: 'hard', exit_plan: false, notes: 'Main ERP supplier',
    });
    expect(vendorSchema.parse(vendor)).toEqual(vendor);
    expect(prompter.rejected.map((r) => [r.name, r.message])).toEqual([
      ['country', 'must be an ISO 3166-1 alpha-2 code such as FR'],
      ['contract.start', '2026-02-30 is not a calendar date (February 2026 has 28 days)'],
      ['contract.end', 'must be on or after the start date 2026-01-01'],
      ['contract.notice_days', expect.stringMatching(/>=0/)],
      ['contract.notice_days', 'must be a whole number'],
    ]);
    expect(prompter.unused()).toEqual([]);
  });

  it('leaves the default zone third-party out of the YAML', async () => {
    const vendor = await askVendor(new ScriptedPrompter({ id: 'v', name: 'V', details: true }), workspace);
    expect(vendor).toEqual({ id: 'v', name: 'V', tier: 'medium' });
  });
});

describe('add system', () => {
  it('asks id, name and zone, then every field of SPEC 1.5 behind details', async () => {
    const prompter = new ScriptedPrompter({
      id: 'erp', name: 'ERP', zone: 'admin', details: true, kind: 'database', vendor: 'acme', owner: 'Finance',
      criticality: 'critical', data: 'restricted', records: ['-1', '1.5', '250000'], internet_facing: true,
      end_of_support: ['2027-13-01', '2027-12-31'], redundant: true,
      controls: true, 'controls.mfa': 'yes', 'controls.audit_log': 'no',
      'depends_on.0': 'dc', 'depends_on.1': '(any of several…)', 'depends_on.1.any_of.0': 'fw', 'depends_on.1.any_of.1': 'web',
      tags: ' finance,  erp ,', description: 'The ERP',
    });
    const system = await askSystem(prompter, workspace);
    expect(system).toEqual({
      id: 'erp', name: 'ERP', zone: 'admin', kind: 'database', vendor: 'acme', owner: 'Finance', criticality: 'critical',
      data: 'restricted', records: 250000, internet_facing: true, end_of_support: '2027-12-31', redundant: true,
      controls: { mfa: true, audit_log: false }, depends_on: ['dc', { any_of: ['fw', 'web'] }], tags: ['finance', 'erp'],
      description: 'The ERP',
    });
    expect(systemSchema.parse(system)).toEqual(system);
    expect(prompter.rejected.map((r) => r.name)).toEqual(['records', 'records', 'end_of_support']);
    expect(prompter.asked.find((q) => q.name === 'kind')?.kind).toBe('search');
    expect(prompter.unused()).toEqual([]);
  });

  it('writes enforcement only when it differs from the kind\'s default', async () => {
    const gateway = await askSystem(new ScriptedPrompter({ id: 'bastion', name: 'B', zone: 'admin', details: true, kind: 'jump-host' }), workspace);
    expect(gateway).toEqual({ id: 'bastion', name: 'B', zone: 'admin', kind: 'jump-host' });
    const notGateway = await askSystem(new ScriptedPrompter({ id: 'proxy', name: 'P', zone: 'office', details: true, kind: 'proxy', enforcement: false }), workspace);
    expect(notGateway).toEqual({ id: 'proxy', name: 'P', zone: 'office', kind: 'proxy', enforcement: false });
  });
});

describe('add link', () => {
  it('asks from and to, then details, and leaves a default id out', async () => {
    const prompter = new ScriptedPrompter({
      from: 'acme', to: 'dc', kind: 'remote-access', protocol: 'rdp', port: ['0', '70000', '3389'], auth: 'mfa',
      'via.0': 'fw', on_demand: true, purpose: 'Support',
    });
    const link = await askLink(prompter, workspace);
    expect(link).toEqual({ from: 'acme', to: 'dc', kind: 'remote-access', protocol: 'rdp', port: 3389, auth: 'mfa', via: ['fw'], on_demand: true, purpose: 'Support' });
    expect(linkSchema.parse(link)).toEqual(link);
    expect(prompter.rejected.map((r) => r.name)).toEqual(['port', 'port']);
    expect(prompter.asked.find((q) => q.name === 'id')?.default).toBe('acme-to-dc-3389');
    // `to` never offers the source; `via` offers only enforcement systems.
    expect(prompter.asked.find((q) => q.name === 'to')?.choices).not.toContain('acme');
    expect(prompter.asked.find((q) => q.name === 'from')?.choices).toContain('internet');
    expect(prompter.asked.find((q) => q.name === 'via.0')?.choices).toEqual(['(done)', 'fw']);
  });

  it('requires an explicit id when the default one is taken', async () => {
    const prompter = new ScriptedPrompter({ from: 'web', to: 'dc', port: '636', id: ['', 'web-to-dc-636', 'web-to-dc-ldaps'] });
    const link = await askLink(prompter, workspace);
    expect(link).toEqual({ id: 'web-to-dc-ldaps', from: 'web', to: 'dc', port: 636 });
    expect(prompter.asked.find((q) => q.name === 'id')).toMatchObject({ default: undefined, message: expect.stringMatching(/already used \(links\.yaml:2\)/) });
    expect(prompter.rejected.map((r) => r.message)).toEqual([
      'an id is required',
      "link 'web-to-dc-636' already exists (links.yaml:2); choose another id",
    ]);
  });

  it('refuses an id that an implicit internet edge already uses', async () => {
    const prompter = new ScriptedPrompter({ from: 'internet', to: 'dc', details: false, id: ['internet-to-web', 'internet-to-dc'] });
    expect((await askLink(prompter, workspace)).id).toBeUndefined();
    expect(prompter.rejected[0].message).toMatch(/'internet-to-web' already exists \(systems\.yaml:12 \(internet_facing\)\)/);
  });
});
