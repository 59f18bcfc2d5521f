#!/usr/bin/env node
// Writes the sample spreadsheets of samples/import/ (issue 15), deterministically: `node scripts/generate-import-samples.js
// [OUT_DIR]` after `npm run build` (default OUT_DIR: samples/import). Two realistic layouts a team might already keep:
// - fr/: a French `;`-separated CSV set in Windows-1252 (zones, fournisseurs, systemes, flux, derogations), French
//   headings and values, no id columns (ids come from names, references are by name), quoted fields with `;` and
//   line breaks;
// - en/vendor-register.xlsx: an English workbook with several sheets, id columns, real Excel date cells and boolean
//   cells, and a "Read me" sheet the import skips.
// Same seed, same bytes: the workbook's timestamps are fixed like `sidedoor export` fixes them.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SeededRandom } from '../dist/bench/seeded-random.js';
import { setZipTimestamps } from '../dist/spreadsheet/zip-timestamps.js';
import { loadExcelJs } from '../dist/spreadsheet/read-xlsx.js';
import { encodeWindows1252 } from '../dist/spreadsheet/decode-text.js';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'samples', 'import');
const STAMP = new Date('2026-01-15T00:00:00Z');
const VENDORS = 42;
const SYSTEMS = 84;
const LINKS = 110;

const pick = (rng, list) => list[rng.int(list.length)];
const weighted = (rng, pairs) => {
  let r = rng.next() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1][0];
};
const pad = (n) => String(n).padStart(2, '0');
const dayOffset = (rng, fromYear, years) => new Date(Date.UTC(fromYear, 0, 1) + rng.int(365 * years) * 86_400_000);
const frDate = (d) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

// ---- Windows-1252 encoding ----
function cp1252(text) {
  const bytes = encodeWindows1252(text);
  if (bytes === undefined) throw new Error('a sample text has a character Windows-1252 cannot encode');
  return bytes;
}
function csvLine(cells) {
  return cells.map((c) => {
    const t = c === undefined || c === null ? '' : String(c);
    return /[";\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  }).join(';');
}
function writeCsv(path, header, rows) {
  writeFileSync(path, cp1252(`${[header, ...rows].map(csvLine).join('\r\n')}\r\n`));
}

// ---- the French set ----
function french() {
  const rng = new SeededRandom(15);
  const dir = join(root, 'fr');
  mkdirSync(dir, { recursive: true });
  const zones = [
    ['Administration', 4, 'Contrôleurs de domaine, bastion et consoles d’administration'],
    ['Serveurs', 3, 'Salle serveurs de l’hôtel de ville'],
    ['Bureautique', 2, 'Postes des agents'],
    ['Vidéoprotection', 2, 'Caméras et enregistreurs'],
    ['Wi-Fi invités', 1, 'Réseau des visiteurs, isolé'],
    ['Stationnement', 1, 'Horodateurs et barrières des parkings'],
    ['Terrain OT', 1, 'Automates de l’eau et de l’éclairage'],
  ];
  writeCsv(join(dir, 'zones.csv'), ['Nom', 'Niveau de confiance', 'Description'], zones);

  const roots = ['Armor', 'Breizh', 'Cyclope', 'Finasoft', 'Lumière', 'Nuage', 'Parlotte', 'Civitas', 'Imprimeo', 'Biblio',
    'Océane', 'Granit', 'Korrigan', 'Menhir', 'Phare', 'Ajonc', 'Bruyère', 'Goéland', 'Hermine', 'Iroise', 'Élorn', 'Aber'];
  const trades = ['Télécom', 'Services', 'Informatique', 'Conseil', 'Systèmes', 'Réseaux'];
  const forms = ['SAS', 'SARL', 'SA'];
  const names = new Set();
  while (names.size < VENDORS) names.add(`${pick(rng, roots)} ${pick(rng, trades)} ${pick(rng, forms)}`);
  const vendorNames = [...names];
  const people = ['Jeanne Le Gall', 'Yann Morvan', 'Soizic Tanguy', 'Erwan Guéguen', 'Maëlle Quéré', 'Loïc Riou', 'Aurélie Kerjean'];
  const services = ['DSI', 'Direction des finances', 'Police municipale', 'Services techniques', 'Direction de la culture', 'RH'];
  const vendorRows = vendorNames.map((name, i) => {
    const end = dayOffset(rng, 2025, 5);
    const person = pick(rng, people);
    const email = `${person.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}@${name.split(' ')[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.example`;
    return [
      name,
      weighted(rng, [['Critique', 2], ['Élevé', 3], ['Moyen', 4], ['Faible', 2]]),
      pick(rng, services),
      rng.int(10) === 0 ? 'BE' : 'FR',
      String(300_000_000 + i * 7_919),
      rng.int(8) === 0 ? '' : frDate(end),
      pick(rng, ['30', '90', '180']),
      pick(rng, ['Oui', 'Non']),
      rng.int(4) === 0 ? '' : `${person} <${email}>`,
      weighted(rng, [['Confidentiel', 3], ['Interne', 4], ['Restreint', 1], ['Public', 1]]),
      pick(rng, ['Facile', 'Moyenne', 'Difficile', 'Aucune']),
      pick(rng, ['Oui', 'Non']),
      i % 9 === 0 ? `Contrat renouvelé; revue en comité\nvoir le dossier n°${100 + i}` : '',
    ];
  });
  writeCsv(join(dir, 'fournisseurs.csv'), ['Fournisseur', 'Criticité', 'Responsable interne', 'Pays', 'SIREN',
    'Date de fin de contrat', 'Préavis', "Droit d'audit", 'Contact sécurité', 'Sensibilité des données', 'Substituabilité',
    'Plan de sortie', 'Commentaires'], vendorRows);

  const kinds = [
    ['Application', 'Bureautique', 30], ['Serveur', 'Serveurs', 14], ['Base de données', 'Serveurs', 10], ['SaaS', 'Serveurs', 8],
    ['Poste de travail', 'Bureautique', 6], ['Automate', 'Terrain OT', 6], ['Caméra', 'Vidéoprotection', 0],
    ['Équipement réseau', 'Stationnement', 6], ['Messagerie', 'Serveurs', 2],
  ];
  const systemRows = [];
  const systemNames = [];
  const fixed = [
    ['Pare-feu central', 'Administration', 'Pare-feu'], ['Bastion d’administration', 'Administration', 'Bastion'],
    ['Annuaire Active Directory', 'Administration', 'Annuaire'], ['Passerelle VPN', 'Serveurs', 'Passerelle VPN'],
  ];
  const words = ['Finances', 'Paie', 'État civil', 'Urbanisme', 'Médiathèque', 'Piscine', 'Cantine', 'Parkings', 'Éclairage',
    'Eau potable', 'Courrier', 'Archives', 'Élections', 'Social', 'Voirie', 'Musée', 'Conservatoire', 'Marchés', 'Cimetières', 'Sports'];
  const suffix = { Application: 'application', Serveur: 'serveur', 'Base de données': 'base', SaaS: 'portail', 'Poste de travail': 'poste',
    Automate: 'automate', 'Équipement réseau': 'boîtier', Messagerie: 'messagerie' };
  for (const [name, zone, kind] of fixed) {
    systemNames.push(name);
    systemRows.push([name, zone, kind, '', 'DSI', 'Critique', 'Restreint', '', 'Non', '', 'Oui', 'Oui', '', 'socle']);
  }
  const seen = new Set(systemNames);
  while (systemRows.length < SYSTEMS) {
    const [kind, zone] = weighted(rng, kinds.map(([k, z, w]) => [[k, z], w]));
    const name = `${suffix[kind][0].toUpperCase()}${suffix[kind].slice(1)} ${pick(rng, words)} ${rng.between(1, 9)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const vendor = rng.int(5) === 0 ? '' : pick(rng, vendorNames);
    const eos = rng.int(4) === 0 ? frDate(dayOffset(rng, 2023, 6)) : '';
    const depends = rng.int(6) === 0 ? `${pick(rng, systemNames)}` : '';
    systemRows.push([
      name, zone, kind, vendor, pick(rng, services), weighted(rng, [['Critique', 1], ['Élevé', 2], ['Moyen', 3], ['Faible', 1]]),
      pick(rng, ['Interne', 'Confidentiel', 'Restreint']), rng.int(3) === 0 ? `${rng.between(1, 90)} 000` : '',
      kind === 'SaaS' || rng.int(8) === 0 ? 'Oui' : 'Non', eos, pick(rng, ['Oui', 'Non', '']), pick(rng, ['Oui', 'Non']),
      depends, rng.int(3) === 0 ? 'mairie;prioritaire' : '',
    ]);
    systemNames.push(name);
  }
  writeCsv(join(dir, 'systemes.csv'), ['Nom', 'Zone', 'Type', 'Fournisseur', 'Responsable', 'Criticité', 'Données',
    "Nombre d'enregistrements", 'Exposé à Internet', 'Date de fin de support', 'MFA', 'Sauvegardes', 'Dépend de', 'Étiquettes'], systemRows);

  const linkRows = [];
  const pairs = new Set();
  const protocols = [['https', 443], ['ssh', 22], ['rdp', 3389], ['sql', 1433], ['ldaps', 636], ['smb', 445], ['http', 80]];
  while (linkRows.length < LINKS) {
    const remote = rng.int(5) === 0;
    const from = remote ? pick(rng, vendorNames) : pick(rng, systemNames);
    const to = pick(rng, systemNames);
    const [protocol, port] = remote ? pick(rng, [['rdp', 3389], ['ssh', 22], ['https', 443]]) : pick(rng, protocols);
    const key = `${from}|${to}|${port}`;
    if (from === to || pairs.has(key)) continue;
    pairs.add(key);
    linkRows.push([
      from, to, remote ? 'Télémaintenance' : 'Réseau', protocol, port,
      weighted(rng, [['Mot de passe', 4], ['Certificat', 2], ['MFA', 2], ['Aucune', 1], ['Clé', 1]]),
      protocol === 'http' ? 'Non' : 'Oui', rng.int(6) === 0 ? 'Pare-feu central' : '',
      remote ? 'Maintenance à distance par le prestataire' : pick(rng, ['Synchronisation', 'Sauvegarde', 'Consultation', 'Supervision']),
    ]);
  }
  writeCsv(join(dir, 'flux.csv'), ['Source', 'Destination', 'Type de flux', 'Protocole', 'Port', 'Authentification',
    'Chiffré', 'Via', 'Finalité'], linkRows);

  writeCsv(join(dir, 'derogations.csv'), ['Constat', 'Justification', 'Validé par', "Date d'expiration"], [
    ['plaintext-protocol:*', 'Flux HTTP internes en cours de migration vers HTTPS', 'RSSI', '30/06/2026'],
    ['assessment-overdue:*', 'Campagne d’évaluation des fournisseurs lancée au premier semestre', 'DGS', '31/03/2026'],
  ]);
  return { vendors: vendorRows.length, systems: systemRows.length, links: linkRows.length };
}

// ---- the English workbook ----
async function english() {
  const rng = new SeededRandom(1504);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Procurement';
  wb.lastModifiedBy = 'Procurement';
  wb.created = STAMP;
  wb.modified = STAMP;
  const sheet = (name, header, rows, dateColumns = []) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    for (const c of dateColumns) ws.getColumn(c).numFmt = 'dd mmm yyyy';
    return ws;
  };
  const readme = wb.addWorksheet('Read me');
  readme.addRow(['Vendor register maintained by Procurement. Updated quarterly.']);

  const zones = [['corp', 'Corporate LAN', 2], ['dc', 'Data centre', 3], ['admin', 'Admin tier 0', 4], ['dmz', 'DMZ', 1], ['guest', 'Guest Wi-Fi', 1], ['plant', 'Plant floor', 1]];
  sheet('Zones', ['Zone ID', 'Zone name', 'Trust level'], zones);

  const stems = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne',
    'Soylent', 'Massive', 'Oscorp', 'Gringotts', 'Monarch', 'Aperture', 'Black Mesa', 'Duff', 'Nakatomi'];
  const tails = ['Cloud', 'Payroll', 'Security', 'Networks', 'Analytics', 'Logistics', 'Software'];
  const names = new Set();
  while (names.size < VENDORS) names.add(`${pick(rng, stems)} ${pick(rng, tails)} ${pick(rng, ['Inc.', 'Ltd', 'LLC', 'GmbH'])}`);
  const vendors = [...names].map((name, i) => ({ id: `V${String(i + 1).padStart(3, '0')}`, name }));
  const vendorRows = vendors.map((v) => [
    v.id, v.name, weighted(rng, [['Critical', 2], ['High', 3], ['Medium', 4], ['Low', 2]]), pick(rng, ['IT Ops', 'Finance', 'HR', 'Plant', 'Legal']),
    pick(rng, ['US', 'GB', 'DE', 'FR', 'IE']), rng.int(6) === 0 ? null : dayOffset(rng, 2025, 5), rng.int(2) === 0,
    rng.int(4) === 0 ? null : `security@${v.name.split(' ')[0].toLowerCase()}.example`,
    pick(rng, ['Confidential', 'Internal', 'Restricted', 'Public']), pick(rng, ['Yes', 'No']),
  ]);
  sheet('Suppliers', ['Supplier ID', 'Supplier name', 'Tier', 'Owner', 'Country', 'Contract end', 'Right to audit', 'Security contact',
    'Data classification', 'Exit plan'], vendorRows, [6]);
  sheet('Assessments', ['Vendor', 'Date', 'Kind', 'Result', 'Expiry'], vendors.filter(() => rng.int(3) > 0).map((v) => {
    const date = dayOffset(rng, 2024, 2);
    return [v.id, date, pick(rng, ['SOC 2', 'ISO 27001', 'Questionnaire', 'Pentest']), pick(rng, ['Pass', 'Pass', 'Conditional', 'Fail']), new Date(date.getTime() + 365 * 86_400_000)];
  }), [2, 5]);

  const assetKinds = [['Application', 'corp', 28], ['Server', 'dc', 16], ['Database', 'dc', 12], ['SaaS', 'dmz', 10], ['Workstation', 'corp', 6], ['OT device', 'plant', 8], ['Network device', 'dc', 4]];
  const assets = [
    ['A001', 'Edge firewall', 'dmz', 'Firewall', null], ['A002', 'Admin jump host', 'admin', 'Jump host', null],
    ['A003', 'Corporate directory', 'admin', 'Identity', null], ['A004', 'Remote access VPN', 'dmz', 'VPN gateway', null],
  ].map(([id, name, zone, kind]) => [id, name, zone, kind, null, 'IT Ops', 'Critical', 'Restricted', null, false, null, true, true, 'core']);
  const words = ['Payroll', 'Billing', 'CRM', 'ERP', 'Warehouse', 'Intranet', 'Helpdesk', 'Backup', 'Mail', 'Reporting', 'Badge', 'HVAC', 'SCADA', 'Quality', 'Web shop'];
  const seen = new Set(assets.map((a) => a[1]));
  while (assets.length < SYSTEMS) {
    const [kind, zone] = weighted(rng, assetKinds.map(([k, z, w]) => [[k, z], w]));
    const name = `${pick(rng, words)} ${kind.toLowerCase()} ${rng.between(1, 9)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    assets.push([
      `A${String(assets.length + 1).padStart(3, '0')}`, name, zone, kind, rng.int(5) === 0 ? null : pick(rng, vendors).name,
      pick(rng, ['IT Ops', 'Finance', 'HR', 'Plant']), pick(rng, ['Critical', 'High', 'Medium', 'Low']),
      pick(rng, ['Internal', 'Confidential', 'Restricted']), rng.int(3) === 0 ? rng.between(100, 90_000) : null,
      kind === 'SaaS' || rng.int(10) === 0, rng.int(5) === 0 ? dayOffset(rng, 2023, 6) : null, rng.int(2) === 0, rng.int(3) > 0,
      rng.int(3) === 0 ? 'pci; sox' : null,
    ]);
  }
  sheet('Assets', ['Asset ID', 'Name', 'Zone', 'Type', 'Supplier', 'Owner', 'Criticality', 'Data', 'Records', 'Internet-facing',
    'End of life', 'MFA', 'Backups', 'Tags'], assets, [11]);

  const links = [];
  const pairs = new Set();
  while (links.length < LINKS) {
    const remote = rng.int(5) === 0;
    const from = remote ? pick(rng, vendors).id : pick(rng, assets)[0];
    const to = pick(rng, assets)[0];
    const [protocol, port] = remote ? pick(rng, [['rdp', 3389], ['ssh', 22], ['https', 443]]) : pick(rng, [['https', 443], ['ssh', 22], ['sql', 1433], ['ldaps', 636], ['smb', 445], ['http', 80], ['ftp', 21]]);
    const key = `${from}|${to}|${port}`;
    if (from === to || pairs.has(key)) continue;
    pairs.add(key);
    links.push([from, to, remote ? 'Remote access' : 'Network', protocol, port,
      pick(rng, ['Password', 'Certificate', 'MFA', 'None', 'Key']), !['http', 'ftp'].includes(protocol), remote ? 'Vendor support' : 'Data flow']);
  }
  sheet('Connections', ['Source', 'Destination', 'Type', 'Protocol', 'Port', 'Authentication', 'Encrypted', 'Purpose'], links);
  sheet('Risk acceptances', ['Finding', 'Justification', 'Approved by', 'Expiry'], [
    ['plaintext-protocol:*', 'Legacy FTP to the plant floor until the 2026 upgrade', 'CISO', new Date('2026-09-30T00:00:00Z')],
  ], [4]);
  const bytes = setZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()), STAMP);
  mkdirSync(join(root, 'en'), { recursive: true });
  writeFileSync(join(root, 'en', 'vendor-register.xlsx'), bytes);
  return { vendors: vendors.length, systems: assets.length, links: links.length };
}

const fr = french();
const en = await english();
process.stderr.write(`samples/import: fr ${fr.vendors} vendors, ${fr.systems} systems, ${fr.links} links; `
  + `en ${en.vendors} vendors, ${en.systems} systems, ${en.links} links\n`);
