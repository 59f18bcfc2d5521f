// The columns an import understands: for each kind of table, the register field each column feeds, the type of its
// values, and the headings (English and French) that name it. Headings and values are matched through
// normalizeLabel, so the lists below hold each spelling once, accents and case as people write them.

import { normalizeLabel } from './normalize.js';

export type TableKind =
  | 'zones' | 'vendors' | 'systems' | 'links' | 'acceptances' | 'contacts' | 'assessments' | 'certifications' | 'settings';

export type RefTarget = 'zone' | 'vendor' | 'system' | 'node';

export type FieldType =
  | { type: 'string' }
  | { type: 'id' }
  | { type: 'ref'; target: RefTarget }
  | { type: 'refs'; target: RefTarget }
  | { type: 'enum'; values: readonly string[]; synonyms?: Record<string, readonly string[]> }
  | { type: 'bool' }
  | { type: 'int'; min: number; max?: number }
  | { type: 'number'; min: number }
  | { type: 'date' }
  | { type: 'strings' }
  | { type: 'depends' }
  | { type: 'contacts'; role: string }
  | { type: 'certifications' };

export interface FieldSpec {
  /** Dotted path in the entity (`contract.end`); for inline contacts, `contacts.<role>`. */
  field: string;
  spec: FieldType;
  required?: boolean;
  headings: readonly string[];
}

const LEVELS = ['critical', 'high', 'medium', 'low'] as const;
const LEVEL_SYNONYMS = {
  critical: ['critique', 'crit', 'vital', 'vitale'],
  high: ['élevé', 'élevée', 'haut', 'haute', 'important', 'importante', 'fort', 'forte'],
  medium: ['moyen', 'moyenne', 'modéré', 'modérée', 'normal', 'normale', 'med'],
  low: ['faible', 'bas', 'basse'],
};
const level: FieldType = { type: 'enum', values: LEVELS, synonyms: LEVEL_SYNONYMS };
const dataClass: FieldType = {
  type: 'enum', values: ['public', 'internal', 'confidential', 'restricted'],
  synonyms: { public: ['publique'], internal: ['interne'], confidential: ['confidentiel', 'confidentielle'], restricted: ['restreint', 'restreinte', 'secret'] },
};
const SYSTEM_KINDS = ['application', 'database', 'server', 'workstation', 'network-device', 'identity', 'messaging', 'saas',
  'ot-device', 'firewall', 'jump-host', 'proxy', 'vpn-gateway', 'waf', 'other'] as const;
const systemKind: FieldType = {
  type: 'enum', values: SYSTEM_KINDS,
  synonyms: {
    application: ['app', 'logiciel', 'applicatif'], database: ['base de données', 'bdd', 'db', 'sgbd'], server: ['serveur'],
    workstation: ['poste de travail', 'poste', 'pc'], 'network-device': ['équipement réseau', 'switch', 'routeur', 'réseau'],
    identity: ['identité', 'annuaire', 'idp', 'active directory'], messaging: ['messagerie', 'mail', 'chat'],
    'ot-device': ['automate', 'équipement ot', 'ot', 'iot', 'équipement industriel'], firewall: ['pare-feu', 'parefeu', 'fw'],
    'jump-host': ['bastion', 'rebond', 'serveur de rebond'], 'vpn-gateway': ['passerelle vpn', 'vpn'],
    other: ['autre', 'divers'],
  },
};
const bool: FieldType = { type: 'bool' };
const text: FieldType = { type: 'string' };
const date: FieldType = { type: 'date' };
const vendorRef: FieldType = { type: 'ref', target: 'vendor' };

const ID_HEADINGS = ['id', 'identifier', 'identifiant', 'code', 'ref', 'référence'];
const DESCRIPTION = ['description', 'notes', 'commentaire', 'commentaires', 'remarques', 'comments'];

export const TABLE_FIELDS: Record<TableKind, readonly FieldSpec[]> = {
  zones: [
    { field: 'id', spec: { type: 'id' }, headings: [...ID_HEADINGS, 'zone id'] },
    { field: 'name', spec: text, headings: ['name', 'zone', 'nom', 'libellé', 'zone name', 'nom de la zone'] },
    { field: 'trust', spec: { type: 'int', min: 0, max: 4 }, required: true, headings: ['trust', 'trust level', 'confiance', 'niveau de confiance'] },
    { field: 'description', spec: text, headings: DESCRIPTION },
  ],
  vendors: [
    { field: 'id', spec: { type: 'id' }, headings: [...ID_HEADINGS, 'vendor id', 'supplier id', 'id fournisseur', 'code fournisseur'] },
    { field: 'name', spec: text, required: true, headings: ['name', 'vendor', 'vendor name', 'supplier', 'supplier name', 'third party', 'nom', 'fournisseur', 'raison sociale', 'nom du fournisseur', 'prestataire', 'tiers'] },
    { field: 'tier', spec: level, required: true, headings: ['tier', 'vendor tier', 'criticality', 'criticité', 'niveau', 'niveau de criticité', 'importance', 'tiering'] },
    { field: 'zone', spec: { type: 'ref', target: 'zone' }, headings: ['zone'] },
    { field: 'owner', spec: text, headings: ['owner', 'vendor owner', 'business owner', 'responsable', 'propriétaire', 'référent', 'responsable interne'] },
    { field: 'country', spec: text, headings: ['country', 'pays', 'hq country', 'pays du siège'] },
    { field: 'identifiers.siren', spec: text, headings: ['siren'] },
    { field: 'identifiers.siret', spec: text, headings: ['siret'] },
    { field: 'identifiers.lei', spec: text, headings: ['lei'] },
    { field: 'identifiers.vat', spec: text, headings: ['vat', 'vat number', 'tva', 'numéro de tva', 'tva intracommunautaire'] },
    { field: 'identifiers.duns', spec: text, headings: ['duns'] },
    { field: 'contract.ref', spec: text, headings: ['contract', 'contract ref', 'contract reference', 'contrat', 'réf contrat', 'référence contrat', 'numéro de contrat'] },
    { field: 'contract.start', spec: date, headings: ['contract start', 'contract start date', 'start date', 'date de début', 'début de contrat', 'date de début de contrat'] },
    { field: 'contract.end', spec: date, headings: ['contract end', 'contract end date', 'end date', 'date de fin', 'fin de contrat', 'date de fin de contrat', 'échéance du contrat'] },
    { field: 'contract.notice_days', spec: { type: 'int', min: 0 }, headings: ['notice days', 'notice period', 'préavis', 'préavis jours', 'délai de préavis'] },
    { field: 'contract.audit_rights', spec: bool, headings: ['audit rights', 'right to audit', "droit d'audit", "clause d'audit"] },
    { field: 'contract.breach_notification_hours', spec: { type: 'number', min: 0 }, headings: ['breach notification hours', 'breach notification', 'notification incident heures', 'délai de notification'] },
    { field: 'contacts.security', spec: { type: 'contacts', role: 'security' }, headings: ['security contact', 'contact sécurité', 'contact ssi', 'contact rssi'] },
    { field: 'contacts.account', spec: { type: 'contacts', role: 'account' }, headings: ['account contact', 'account manager', 'contact commercial'] },
    { field: 'contacts.dpo', spec: { type: 'contacts', role: 'dpo' }, headings: ['dpo', 'dpo contact', 'contact dpo', 'délégué à la protection des données'] },
    { field: 'contacts.support', spec: { type: 'contacts', role: 'support' }, headings: ['support contact', 'contact support', 'support'] },
    { field: 'contacts.other', spec: { type: 'contacts', role: 'other' }, headings: ['other contact', 'autre contact', 'contact'] },
    { field: 'certifications', spec: { type: 'certifications' }, headings: ['certifications', 'certification', 'certificats'] },
    { field: 'subprocessors', spec: { type: 'refs', target: 'vendor' }, headings: ['subprocessors', 'sub-processors', 'fourth parties', 'sous-traitants', 'sous-traitants ultérieurs'] },
    { field: 'data', spec: dataClass, headings: ['data', 'data classification', 'data sensitivity', 'données', 'sensibilité', 'classification', 'sensibilité des données'] },
    {
      field: 'substitutability',
      spec: { type: 'enum', values: ['easy', 'medium', 'hard', 'none'], synonyms: { easy: ['facile'], medium: ['moyenne', 'moyen'], hard: ['difficile'], none: ['aucune', 'impossible', 'non substituable'] } },
      headings: ['substitutability', 'substituabilité', 'remplaçabilité'],
    },
    { field: 'exit_plan', spec: bool, headings: ['exit plan', 'plan de sortie', 'réversibilité', 'plan de réversibilité'] },
    { field: 'notes', spec: text, headings: ['notes', 'comments', 'commentaires', 'remarques', 'observations'] },
  ],
  systems: [
    { field: 'id', spec: { type: 'id' }, headings: [...ID_HEADINGS, 'system id', 'asset id', 'id système'] },
    { field: 'name', spec: text, required: true, headings: ['name', 'system', 'system name', 'asset', 'application', 'nom', 'système', 'nom du système', 'actif', 'libellé'] },
    { field: 'zone', spec: { type: 'ref', target: 'zone' }, required: true, headings: ['zone', 'network zone', 'zone réseau', 'segment'] },
    { field: 'kind', spec: systemKind, headings: ['kind', 'type', 'system type', 'type de système', 'catégorie', 'category'] },
    { field: 'vendor', spec: vendorRef, headings: ['vendor', 'supplier', 'vendor name', 'fournisseur', 'éditeur', 'prestataire'] },
    { field: 'owner', spec: text, headings: ['owner', 'system owner', 'responsable', 'propriétaire'] },
    { field: 'criticality', spec: level, headings: ['criticality', 'criticité', 'business criticality', 'criticité métier', 'impact'] },
    { field: 'data', spec: dataClass, headings: ['data', 'data classification', 'données', 'sensibilité', 'classification'] },
    { field: 'records', spec: { type: 'int', min: 0 }, headings: ['records', 'record count', "nombre d'enregistrements", 'personnes concernées', 'volumétrie'] },
    { field: 'internet_facing', spec: bool, headings: ['internet facing', 'internet-facing', 'exposed', 'exposed to internet', 'exposé internet', 'exposition internet', 'exposé à internet'] },
    { field: 'end_of_support', spec: date, headings: ['end of support', 'eos', 'end of life', 'eol', 'fin de support', 'date de fin de support'] },
    { field: 'enforcement', spec: bool, headings: ['enforcement', 'gateway', 'filtering', 'filtrage', 'passerelle de filtrage'] },
    { field: 'redundant', spec: bool, headings: ['redundant', 'ha', 'high availability', 'redondant', 'haute disponibilité'] },
    { field: 'controls.mfa', spec: bool, headings: ['mfa', '2fa', 'double authentification', 'authentification forte'] },
    { field: 'controls.audit_log', spec: bool, headings: ['audit log', 'logging', 'journalisation', 'journaux'] },
    { field: 'controls.rate_limit', spec: bool, headings: ['rate limit', 'limitation de débit'] },
    { field: 'controls.backups', spec: bool, headings: ['backups', 'backup', 'sauvegardes', 'sauvegarde'] },
    { field: 'depends_on', spec: { type: 'depends' }, headings: ['depends on', 'dependencies', 'dépendances', 'dépend de'] },
    { field: 'tags', spec: { type: 'strings' }, headings: ['tags', 'labels', 'étiquettes'] },
    { field: 'description', spec: text, headings: DESCRIPTION },
  ],
  links: [
    { field: 'id', spec: { type: 'id' }, headings: [...ID_HEADINGS, 'link id', 'flow id', 'id flux'] },
    { field: 'from', spec: { type: 'ref', target: 'node' }, required: true, headings: ['from', 'source', 'origin', 'initiator', 'de', 'origine', 'depuis', 'source du flux'] },
    { field: 'to', spec: { type: 'ref', target: 'node' }, required: true, headings: ['to', 'target', 'destination', 'vers', 'cible', 'à'] },
    {
      field: 'kind',
      spec: { type: 'enum', values: ['network', 'remote-access', 'credential'], synonyms: { network: ['réseau', 'flux réseau'], 'remote-access': ['remote', 'accès distant', 'télémaintenance', 'téléassistance', 'prise en main à distance'], credential: ['credentials', 'identifiant', 'identifiants', 'secret', 'compte de service'] } },
      headings: ['kind', 'type', 'link type', 'flow type', 'type de lien', 'type de flux', "type d'accès"],
    },
    { field: 'protocol', spec: text, headings: ['protocol', 'protocole'] },
    { field: 'port', spec: { type: 'int', min: 1, max: 65535 }, headings: ['port'] },
    {
      field: 'auth',
      spec: { type: 'enum', values: ['none', 'password', 'key', 'certificate', 'mfa'], synonyms: { none: ['aucune', 'aucun', 'sans'], password: ['mot de passe', 'mdp'], key: ['clé', 'ssh key', 'clé ssh'], certificate: ['certificat', 'cert'], mfa: ['2fa'] } },
      headings: ['auth', 'authentication', 'authentification'],
    },
    { field: 'encrypted', spec: bool, headings: ['encrypted', 'encryption', 'chiffré', 'chiffrement'] },
    { field: 'via', spec: { type: 'refs', target: 'system' }, headings: ['via', 'through', 'gateways', 'passerelles', 'par'] },
    { field: 'bidirectional', spec: bool, headings: ['bidirectional', 'two-way', 'bidirectionnel'] },
    { field: 'on_demand', spec: bool, headings: ['on demand', 'on-demand', 'à la demande', 'sur demande'] },
    { field: 'purpose', spec: text, headings: ['purpose', 'usage', 'finalité', 'objet', 'motif'] },
    { field: 'ticket', spec: text, headings: ['ticket', 'change', 'ticket de changement', 'demande'] },
    { field: 'description', spec: text, headings: DESCRIPTION },
  ],
  acceptances: [
    { field: 'finding', spec: text, required: true, headings: ['finding', 'finding pattern', 'finding id', 'constat'] },
    { field: 'reason', spec: text, required: true, headings: ['reason', 'justification', 'motif', 'raison'] },
    { field: 'approved_by', spec: text, required: true, headings: ['approved by', 'approver', 'approuvé par', 'validé par'] },
    { field: 'expires', spec: date, required: true, headings: ['expires', 'expiry', 'expiration', "date d'expiration", 'échéance'] },
    { field: 'ticket', spec: text, headings: ['ticket'] },
  ],
  contacts: [
    { field: 'vendor', spec: vendorRef, required: true, headings: ['vendor', 'supplier', 'fournisseur'] },
    { field: 'name', spec: text, required: true, headings: ['name', 'nom', 'contact'] },
    { field: 'email', spec: text, required: true, headings: ['email', 'e-mail', 'courriel', 'mail'] },
    {
      field: 'role',
      spec: { type: 'enum', values: ['security', 'account', 'dpo', 'support', 'other'], synonyms: { security: ['sécurité', 'ssi', 'rssi'], account: ['commercial'], other: ['autre'] } },
      required: true, headings: ['role', 'rôle'],
    },
    { field: 'phone', spec: text, headings: ['phone', 'téléphone', 'tel'] },
  ],
  assessments: [
    { field: 'vendor', spec: vendorRef, required: true, headings: ['vendor', 'supplier', 'fournisseur'] },
    { field: 'date', spec: date, required: true, headings: ['date', "date d'évaluation", 'assessment date'] },
    {
      field: 'kind',
      spec: { type: 'enum', values: ['questionnaire', 'sig-lite', 'sig-core', 'iso27001', 'soc2', 'pentest', 'onsite-audit', 'other'], synonyms: { pentest: ['penetration test', "test d'intrusion"], 'onsite-audit': ['on-site audit', 'audit sur site'], other: ['autre'] } },
      required: true, headings: ['kind', 'type'],
    },
    {
      field: 'result',
      spec: { type: 'enum', values: ['pass', 'conditional', 'fail'], synonyms: { pass: ['passed', 'ok', 'conforme', 'réussi', 'favorable'], conditional: ['conditionnel', 'avec réserves', 'sous réserve'], fail: ['failed', 'échec', 'non conforme', 'défavorable'] } },
      required: true, headings: ['result', 'résultat'],
    },
    { field: 'expires', spec: date, headings: ['expires', 'expiry', 'expiration', "date d'expiration"] },
    { field: 'evidence', spec: text, headings: ['evidence', 'preuve', 'lien'] },
  ],
  certifications: [
    { field: 'vendor', spec: vendorRef, required: true, headings: ['vendor', 'supplier', 'fournisseur'] },
    { field: 'name', spec: text, required: true, headings: ['name', 'certification', 'nom'] },
    { field: 'expires', spec: date, headings: ['expires', 'expiry', 'expiration', "date d'expiration"] },
  ],
  settings: [
    { field: 'key', spec: text, required: true, headings: ['key', 'setting', 'clé', 'paramètre'] },
    { field: 'value', spec: text, headings: ['value', 'valeur'] },
  ],
};

/** Columns the export writes for people but that say nothing the register does not already say (they are derived
 * from it): an import skips them without a note, so a workbook exported by sidedoor imports cleanly. */
export const DERIVED_HEADINGS: Partial<Record<TableKind, readonly string[]>> = {
  vendors: ['last assessment', 'last assessment result', 'assessment overdue', 'has security contact'],
  acceptances: ['state', 'findings matched', 'days left'],
};

/** Sheet and file names that name each kind; the export's sheets are among them. */
export const TABLE_NAMES: Record<TableKind, readonly string[]> = {
  zones: ['zones', 'zone', 'network zones', 'zones réseau', 'segments'],
  vendors: ['vendors', 'vendor', 'suppliers', 'supplier', 'third parties', 'fournisseurs', 'fournisseur', 'prestataires', 'tiers'],
  systems: ['systems', 'system', 'assets', 'applications', 'actifs', 'systèmes', 'système', 'applicatifs', 'inventaire'],
  links: ['links', 'link', 'flows', 'flux', 'connections', 'connexions', 'liens', 'accès'],
  acceptances: ['acceptances', 'accepted risks', 'risk acceptances', 'risques acceptés', 'dérogations', 'exceptions'],
  contacts: ['contacts'],
  assessments: ['assessments', 'évaluations', 'audits'],
  certifications: ['certifications'],
  settings: ['settings', 'paramètres', 'register'],
};

/** Export-only sheets, skipped with no note. */
export const REPORT_TABLE_NAMES = ['findings', 'remediation'];

export const TABLE_KINDS = Object.keys(TABLE_FIELDS) as TableKind[];

export function fieldSpec(kind: TableKind, field: string): FieldSpec | undefined {
  return TABLE_FIELDS[kind].find((f) => f.field === field);
}

/** The kind a sheet or file title names, if any: an exact name, or one that starts or ends the title. */
export function kindOfTitle(title: string): TableKind | undefined {
  const t = normalizeLabel(title);
  for (const kind of TABLE_KINDS) if (TABLE_NAMES[kind].some((n) => normalizeLabel(n) === t)) return kind;
  for (const kind of TABLE_KINDS) {
    if (TABLE_NAMES[kind].some((n) => { const m = normalizeLabel(n); return t.startsWith(`${m} `) || t.endsWith(` ${m}`); })) return kind;
  }
  return undefined;
}

/** The field a heading names in a table of this kind: the field's own name, or one of its synonyms. */
export function fieldOfHeading(kind: TableKind, heading: string): string | undefined {
  const h = normalizeLabel(heading);
  if (h === '') return undefined;
  for (const f of TABLE_FIELDS[kind]) if (normalizeLabel(f.field) === h || f.headings.some((s) => normalizeLabel(s) === h)) return f.field;
  return undefined;
}
