import type { DemoTexts } from './demo-texts.js';
import { blaArc } from './texts/bla-arc.js';
import { blaPulse } from './texts/bla-pulse.js';
import { hmWinch3 } from './texts/hm-winch3.js';
import { khgHb20 } from './texts/khg-hb20.js';
import { khgKw500 } from './texts/khg-kw500.js';
import { khgTs2 } from './texts/khg-ts2.js';
import { nwBottle } from './texts/nw-bottle.js';
import { nwPack22 } from './texts/nw-pack22.js';
import { nwTent2p } from './texts/nw-tent2p.js';

/** The demo portfolio's cast and plan templates: realistic names for a first look at Tollgate. */
/** Everyone signs in with this password in the demo (README lists the accounts). */
export const demoPassword = 'tollgate-demo';

/**
 * The demo's people. The six role accounts hold their role on every program of the three demo
 * clients; `other` runs the fourth client's program and sees nothing else; the rest hold roles on
 * the programs where they work.
 */
export const demoPeople = [
  { key: 'admin', name: 'Morgan Reyes', email: 'admin@demo.test', timeZone: 'America/New_York', isAdmin: true, clientRole: null },
  {
    key: 'dana',
    name: 'Dana Whitfield',
    email: 'lead@demo.test',
    timeZone: 'America/Chicago',
    isAdmin: false,
    clientRole: 'cadence_owner',
  },
  { key: 'jonas', name: 'Jonas Keller', email: 'owner@demo.test', timeZone: 'Europe/Berlin', isAdmin: false, clientRole: 'decision_owner' },
  {
    key: 'sophie',
    name: 'Sophie Brandt',
    email: 'quality@demo.test',
    timeZone: 'Europe/Berlin',
    isAdmin: false,
    clientRole: 'quality_owner',
  },
  { key: 'chen', name: 'Chen Wei', email: 'supplier@demo.test', timeZone: 'Asia/Shanghai', isAdmin: false, clientRole: 'contributor' },
  { key: 'alex', name: 'Alex Moreno', email: 'observer@demo.test', timeZone: 'America/New_York', isAdmin: false, clientRole: 'observer' },
  { key: 'other', name: 'Ingrid Halvorsen', email: 'other@demo.test', timeZone: 'Europe/Oslo', isAdmin: false, clientRole: null },
  { key: 'marcus', name: 'Marcus Bell', email: 'marcus.bell@demo.test', timeZone: 'America/Los_Angeles', isAdmin: false, clientRole: null },
  { key: 'lin', name: 'Lin Mei', email: 'lin.mei@demo.test', timeZone: 'Asia/Shanghai', isAdmin: false, clientRole: null },
  { key: 'hoa', name: 'Nguyễn Thị Hoa', email: 'nguyen.hoa@demo.test', timeZone: 'Asia/Ho_Chi_Minh', isAdmin: false, clientRole: null },
  { key: 'priya', name: 'Priya Raman', email: 'priya.raman@demo.test', timeZone: 'Asia/Kolkata', isAdmin: false, clientRole: null },
  { key: 'wang', name: 'Wang Fang', email: 'wang.fang@demo.test', timeZone: 'Asia/Shanghai', isAdmin: false, clientRole: null },
] as const;

export type DemoPersonKey = (typeof demoPeople)[number]['key'];

export const demoClients = [
  { key: 'northwind', name: 'Northwind Outdoor Co.', country: 'US' },
  { key: 'keller', name: 'Keller Haushaltsgeräte GmbH', country: 'DE' },
  { key: 'brightline', name: 'Brightline Audio Inc.', country: 'US' },
  // The fourth client: its people see only its program, and nobody above sees it (client isolation).
  { key: 'halvorsen', name: 'Halvorsen Marine AS', country: 'NO' },
] as const;

/** The clients whose programs the six role accounts hold roles on. */
export const roleClients = ['northwind', 'keller', 'brightline'] as const;

/** How a demo program should look today: its health is produced by its history, not typed in. */
export type DemoShape = 'on_track' | 'at_risk' | 'late_overdue' | 'late_breach';

export interface DemoProgram {
  readonly code: string;
  readonly name: string;
  readonly client: (typeof demoClients)[number]['key'];
  readonly supplier: string;
  readonly city: string;
  readonly country: string;
  readonly timeZone: string;
  readonly owner: DemoPersonKey;
  readonly contact: DemoPersonKey;
  readonly quality: DemoPersonKey;
  readonly milestones: number;
  /** Weeks since kickoff: how far into its plan the program is today. */
  readonly ageWeeks: number;
  readonly shape: DemoShape;
  /** What its records say, in its own words: plan, slips, risks, decisions, actions (and a re-plan). */
  readonly texts: DemoTexts;
}

export const demoPrograms: readonly DemoProgram[] = [
  {
    code: 'NW-TENT2P',
    name: 'TrailLite 2P Tent',
    client: 'northwind',
    supplier: 'Ningbo Evergreen Outdoor Products',
    city: 'Ningbo',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    owner: 'dana',
    contact: 'chen',
    quality: 'sophie',
    milestones: 48,
    ageWeeks: 20,
    shape: 'late_overdue',
    texts: nwTent2p,
  },
  {
    code: 'NW-BOTTLE',
    name: 'Summit Insulated Bottle 750 ml',
    client: 'northwind',
    supplier: 'Shenzhen Huaxin Metalware',
    city: 'Shenzhen',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    owner: 'dana',
    contact: 'lin',
    quality: 'sophie',
    milestones: 32,
    ageWeeks: 26,
    shape: 'on_track',
    texts: nwBottle,
  },
  {
    code: 'NW-PACK22',
    name: 'Ridge Daypack 22 L',
    client: 'northwind',
    supplier: 'Saigon Pack & Gear Co.',
    city: 'Ho Chi Minh City',
    country: 'VN',
    timeZone: 'Asia/Ho_Chi_Minh',
    owner: 'marcus',
    contact: 'hoa',
    quality: 'sophie',
    milestones: 40,
    ageWeeks: 12,
    shape: 'at_risk',
    texts: nwPack22,
  },
  {
    code: 'KHG-KW500',
    name: 'Kettle KW-500',
    client: 'keller',
    supplier: 'Ningbo Lisheng Electric Appliance',
    city: 'Ningbo',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    owner: 'dana',
    contact: 'chen',
    quality: 'sophie',
    milestones: 56,
    ageWeeks: 18,
    shape: 'late_breach',
    texts: khgKw500,
  },
  {
    code: 'KHG-HB20',
    name: 'Hand Blender HB-20',
    client: 'keller',
    supplier: 'Shenzhen Topwell Electronics',
    city: 'Shenzhen',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    owner: 'dana',
    contact: 'lin',
    quality: 'sophie',
    milestones: 44,
    ageWeeks: 9,
    shape: 'on_track',
    texts: khgHb20,
  },
  {
    code: 'KHG-TS2',
    name: 'Toaster TS-2',
    client: 'keller',
    supplier: 'Pune Precision Moulders',
    city: 'Pune',
    country: 'IN',
    timeZone: 'Asia/Kolkata',
    owner: 'dana',
    contact: 'priya',
    quality: 'sophie',
    milestones: 28,
    ageWeeks: 6,
    shape: 'at_risk',
    texts: khgTs2,
  },
  {
    code: 'BLA-PULSE',
    name: 'Pulse Bluetooth Speaker',
    client: 'brightline',
    supplier: 'Shenzhen Sonicore Technology',
    city: 'Shenzhen',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    owner: 'marcus',
    contact: 'lin',
    quality: 'sophie',
    milestones: 60,
    ageWeeks: 24,
    shape: 'at_risk',
    texts: blaPulse,
  },
  {
    code: 'BLA-ARC',
    name: 'Arc Wireless Earbuds',
    client: 'brightline',
    supplier: 'Vietnam Acoustic Devices Ltd.',
    city: 'Ho Chi Minh City',
    country: 'VN',
    timeZone: 'Asia/Ho_Chi_Minh',
    owner: 'marcus',
    contact: 'hoa',
    quality: 'sophie',
    milestones: 36,
    ageWeeks: 15,
    shape: 'on_track',
    texts: blaArc,
  },
  {
    code: 'HM-WINCH3',
    name: 'Deck Winch DW-3',
    client: 'halvorsen',
    supplier: 'Ningbo Haitong Marine Hydraulics',
    city: 'Ningbo',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    owner: 'other',
    contact: 'wang',
    // Haitong's quality engineer is the program's quality owner: someone other than Ingrid reviews her evidence.
    quality: 'wang',
    milestones: 30,
    ageWeeks: 10,
    shape: 'at_risk',
    texts: hmWinch3,
  },
];
