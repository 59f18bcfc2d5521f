// The rule catalogue of SPEC §3.1, by id. The register schema needs the list (to check `rules:` overrides and suggest
// the nearest id) without depending on the rule modules; a test keeps it equal to the rule registry.

export const RULE_IDS = [
  'unsegmented-path',
  'weak-authentication',
  'plaintext-protocol',
  'vendor-remote-access',
  'credential-exposure',
  'legacy-exposed',
  'backup-missing',
  'bulk-data-unprotected',
  'single-point-of-failure',
  'network-chokepoint',
  'vendor-concentration',
  'assessment-overdue',
  'assessment-failed',
  'contract-expired',
  'contract-expiring',
  'missing-security-contact',
  'missing-owner',
  'acceptance-expired',
  'acceptance-unused',
  'acceptance-too-long',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
