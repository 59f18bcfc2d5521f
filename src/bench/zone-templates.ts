// The zones a synthetic register draws from, in the order they are added as the size grows: a size with z zones uses
// the two built-ins plus the first z-2 templates (then the templates again, as extra sites `-b`, `-c`…).
// The first six exist at every size because the planted findings need them: dmz, office, finance, admin, servers and
// a field zone (parking).

import type { Trust } from '../register/types.js';
import type { RoleName } from './system-roles.js';

/** How a zone is populated and wired. */
export type ZoneClass = 'internet' | 'third-party' | 'dmz' | 'field' | 'internal' | 'sensitive' | 'admin';

export interface ZoneTemplate {
  id: string;
  name: string;
  trust: Trust;
  cls: ZoneClass;
  /** Relative share of the systems. */
  weight: number;
  description?: string;
  /** Field zones: the devices of their islands. Other zones: the role mix that fills the zone after its infrastructure. */
  roles: Partial<Record<RoleName, number>>;
  /** Business words for application names. */
  topics: readonly string[];
}

const INTERNAL_MIX = { ws: 45, app: 14, srv: 12, printer: 6, sw: 6, ap: 4, api: 4, portal: 2 };
const SENSITIVE_MIX = { app: 30, ws: 30, srv: 15, api: 8, printer: 3, sw: 4 };
const ADMIN_MIX = { paw: 30, srv: 35, sw: 10, app: 10 };

export const ZONE_TEMPLATES: readonly ZoneTemplate[] = [
  { id: 'dmz', name: 'DMZ', trust: 1, cls: 'dmz', weight: 5, description: 'Internet-facing services behind the perimeter firewalls',
    roles: { portal: 35, api: 20, srv: 25, sw: 5 }, topics: ['Citizen', 'Booking', 'Payments', 'Open data', 'Tourism'] },
  { id: 'office', name: 'Office network', trust: 2, cls: 'internal', weight: 28, roles: INTERNAL_MIX,
    topics: ['Intranet', 'Ticketing', 'Document management', 'Mail merge', 'Scheduling', 'Fleet'] },
  { id: 'finance', name: 'Finance', trust: 3, cls: 'sensitive', weight: 7, description: 'Accounting, payroll and treasury',
    roles: SENSITIVE_MIX, topics: ['Accounting', 'Payroll', 'Invoicing', 'Budget', 'Procurement', 'Treasury'] },
  { id: 'admin', name: 'Administration (tier 0)', trust: 4, cls: 'admin', weight: 3, description: 'Directory, PKI and privileged access',
    roles: ADMIN_MIX, topics: ['Privileged access', 'PKI', 'Directory sync', 'Secrets vault'] },
  { id: 'servers', name: 'Server farm', trust: 2, cls: 'internal', weight: 14, description: 'Shared infrastructure services',
    roles: { srv: 40, app: 25, api: 15, sw: 10, portal: 5 }, topics: ['GIS', 'Integration bus', 'Reporting', 'Archiving', 'Print queue'] },
  { id: 'parking', name: 'Parking and mobility', trust: 1, cls: 'field', weight: 6, description: 'Car parks, pay stations and plate readers',
    roles: { kiosk: 50, cam: 40, sensor: 10 }, topics: ['Parking', 'Pay station', 'Plate reading', 'Bike sharing'] },
  { id: 'hr', name: 'Human resources', trust: 3, cls: 'sensitive', weight: 5, roles: SENSITIVE_MIX,
    topics: ['Payroll', 'Recruitment', 'Time tracking', 'Training', 'Careers'] },
  { id: 'iot', name: 'Building IoT', trust: 1, cls: 'field', weight: 7, description: 'Heating, lighting and access control',
    roles: { sensor: 50, plc: 30, cam: 20 }, topics: ['HVAC', 'Lighting', 'Access control', 'Energy metering'] },
  { id: 'dev', name: 'Development', trust: 2, cls: 'internal', weight: 6, roles: { srv: 30, app: 25, ws: 25, api: 10, sw: 5 },
    topics: ['CI', 'Source control', 'Test', 'Staging', 'Artifact store'] },
  { id: 'hotspots', name: 'Public Wi-Fi hotspots', trust: 0, cls: 'field', weight: 2, description: 'Open Wi-Fi in public buildings',
    roles: { ap: 70, kiosk: 30 }, topics: ['Hotspot', 'Captive portal'] },
  { id: 'registry', name: 'Civil registry', trust: 3, cls: 'sensitive', weight: 4, roles: SENSITIVE_MIX,
    topics: ['Civil status', 'Elections', 'Cemeteries', 'Identity cards'] },
  { id: 'backup', name: 'Backup vault', trust: 4, cls: 'admin', weight: 2, roles: { srv: 60, sw: 20, paw: 20 },
    topics: ['Backup catalogue', 'Tape library'] },
  { id: 'schools', name: 'Schools', trust: 2, cls: 'internal', weight: 10, roles: INTERNAL_MIX,
    topics: ['School meals', 'Enrolment', 'Digital classroom', 'Canteen'] },
  { id: 'library', name: 'Libraries', trust: 1, cls: 'field', weight: 3, roles: { terminal: 60, kiosk: 40 },
    topics: ['Catalogue', 'Self check-out', 'Public PCs'] },
  { id: 'health', name: 'Health centre', trust: 3, cls: 'sensitive', weight: 4, roles: SENSITIVE_MIX,
    topics: ['Vaccination', 'Patient records', 'Appointments', 'Home care'] },
  { id: 'water-ot', name: 'Water treatment OT', trust: 1, cls: 'field', weight: 4, description: 'Pumping stations and SCADA',
    roles: { plc: 60, sensor: 40 }, topics: ['SCADA', 'Pumping', 'Telemetry'] },
  { id: 'police', name: 'Municipal police', trust: 3, cls: 'sensitive', weight: 3, roles: SENSITIVE_MIX,
    topics: ['Incidents', 'Fines', 'Video protection', 'Dispatch'] },
  { id: 'print', name: 'Print rooms', trust: 2, cls: 'internal', weight: 3, roles: { printer: 70, srv: 10, sw: 10, ws: 10 },
    topics: ['Print queue', 'Scanning'] },
  { id: 'guests', name: 'Guest Wi-Fi', trust: 1, cls: 'field', weight: 2, roles: { ap: 100 }, topics: ['Guest portal'] },
  { id: 'pki', name: 'Certificate authority', trust: 4, cls: 'admin', weight: 1, roles: { srv: 70, paw: 30 },
    topics: ['Root CA', 'Issuing CA'] },
  { id: 'cctv', name: 'Video surveillance', trust: 1, cls: 'field', weight: 3, roles: { cam: 90, sensor: 10 },
    topics: ['Video recording', 'Camera management'] },
  { id: 'telecom', name: 'Telephony', trust: 2, cls: 'internal', weight: 3, roles: { srv: 40, sw: 40, app: 20 },
    topics: ['Call centre', 'Voicemail', 'Switchboard'] },
  { id: 'archives', name: 'Archives', trust: 3, cls: 'sensitive', weight: 2, roles: SENSITIVE_MIX,
    topics: ['Digital archives', 'Records management'] },
  { id: 'traffic', name: 'Traffic control', trust: 1, cls: 'field', weight: 3, roles: { cam: 40, sensor: 30, plc: 30 },
    topics: ['Traffic lights', 'Signage', 'Counting'] },
];

/** The ids the planted findings rely on. */
export const CORE_ZONE_IDS = { dmz: 'dmz', office: 'office', admin: 'admin', servers: 'servers', parking: 'parking' } as const;
export const HOTSPOTS_ZONE_ID = 'hotspots';
