// Words for synthetic names. None of them is a YAML reserved word, none contains the segment `to` (default link ids
// are `<from>-to-<to>`, so a node id holding `-to-` could make two links' ids collide) and none ends in digits.

export const VENDOR_STEMS = [
  'acme', 'alto', 'arca', 'armor', 'atlas', 'axon', 'bleu', 'boreal', 'brio', 'cedre', 'civi', 'cobalt', 'cora', 'delta',
  'echo', 'elan', 'ember', 'fjord', 'flux', 'gaia', 'helio', 'iris', 'jade', 'kappa', 'kelt', 'lumen', 'lynx',
  'mistral', 'nova', 'onyx', 'opale', 'orbi', 'pixel', 'polar', 'quartz', 'rhea', 'sigma', 'solis', 'sterna', 'tempo',
  'terra', 'tidal', 'ulys', 'vega', 'vertex', 'vireo', 'volta', 'zenit',
] as const;

export const VENDOR_SUFFIXES = [
  'tech', 'soft', 'systems', 'data', 'net', 'works', 'logic', 'labs', 'services', 'digital', 'secure', 'mobility',
  'conseil', 'solutions', 'infra', 'telecom', 'park', 'signal', 'sante', 'energie', 'media', 'graph', 'ops', 'line',
] as const;

export const VENDOR_REGIONS = ['', 'ouest', 'nord', 'sud', 'est', 'europe', 'france', 'group'] as const;

/** Shared hosting providers: the fourth parties many vendors rely on. */
export const CLOUD_PROVIDERS: readonly { id: string; name: string }[] = [
  { id: 'nimbus-cloud', name: 'Nimbus Cloud' },
  { id: 'stratus-hosting', name: 'Stratus Hosting' },
  { id: 'cumulus-dc', name: 'Cumulus Datacentres' },
  { id: 'cirrus-compute', name: 'Cirrus Compute' },
  { id: 'zephyr-cloud', name: 'Zephyr Cloud' },
  { id: 'alize-dc', name: 'Alizé DC' },
  { id: 'nuage-pro', name: 'Nuage Pro' },
  { id: 'skyvault', name: 'SkyVault' },
  { id: 'orage-cloud', name: 'Orage Cloud' },
  { id: 'brume-infra', name: 'Brume Infra' },
  { id: 'azur-hosting', name: 'Azur Hosting' },
  { id: 'noroit-cloud', name: 'Noroît Cloud' },
];

export const LEGAL_FORMS = ['', '', '', ' SAS', ' SA', ' SARL', ' GmbH', ' Ltd', ' Inc.', ' B.V.'] as const;

export const FIRST_NAMES = [
  'Anne', 'Marc', 'Claire', 'Yann', 'Sophie', 'Erwan', 'Nathalie', 'Thomas', 'Gwenaëlle', 'Julien', 'Maëlle', 'Pierre',
  'Aurélie', 'Loïc', 'Isabelle', 'Kevin', 'Hélène', 'Nicolas', 'Soizic', 'David', 'Léa', 'Ronan', 'Fatima', 'Karim',
  'Emma', 'Lucas', 'Chloé', 'Hugo', 'Inès', 'Mathis',
] as const;

export const LAST_NAMES = [
  'Le Bihan', 'Le Roux', 'Morvan', 'Le Gall', 'Dubois', 'Martin', 'Kerjean', 'Le Goff', 'Tanguy', 'Bernard',
  "L'Hostis", 'Guillou', 'Petit', 'Riou', 'Quéré', 'Cadiou', 'Mercier', 'Benali', 'Nguyen', 'Lefèvre', 'Garnier',
  'Le Floch', 'Prigent', 'Salaün',
] as const;

export const TEAMS = [
  'DSI - Infrastructure', 'DSI / Réseaux', 'DSI - Applications', 'Direction des finances', 'RH - Paie',
  'Stationnement & mobilité', 'Services techniques', 'Police municipale', 'Office of the CISO', 'Service informatique',
  'Direction générale des services', 'Bâtiments', 'Eau & assainissement', 'Éducation', 'État civil', 'Santé publique',
] as const;

export const COUNTRIES = ['FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'DE', 'IE', 'US', 'NL', 'BE', 'ES', 'GB', 'IN', 'CH'] as const;

export const CERTIFICATIONS = ['ISO 27001', 'SOC 2 Type II', 'HDS', 'SecNumCloud', 'PCI DSS', 'ISO 22301'] as const;

export const VENDOR_NOTES = [
  'Contract renegotiation planned with procurement.',
  'Support line: 24/7 for P1 incidents only.',
  'Hosts data in the EU; transfer impact assessment on file.',
  'Key account changed in 2026: ask for the new escalation matrix.',
  'Also supplies spare parts; see the maintenance contract.',
  'Exit plan: "reversibility clause" in the annex #3.',
] as const;
