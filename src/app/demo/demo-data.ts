import type { Phase } from '../../domain/milestone.js';

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
  /** A re-plan approved by a decision in its history, so it has baseline 1 beside baseline 0. */
  readonly rebaseline?: boolean;
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
    rebaseline: true,
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
    rebaseline: true,
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
    quality: 'other',
    milestones: 30,
    ageWeeks: 10,
    shape: 'at_risk',
  },
];

/** Who usually owns a step: the supplier contact, the quality owner or the cadence owner. */
export type StepOwner = 'contact' | 'quality' | 'owner';

export const milestoneTemplate: readonly { name: string; phase: Phase; by: StepOwner; critical?: boolean }[] = [
  { name: 'Supplier kickoff held', phase: 'G1', by: 'owner' },
  { name: 'Drawing package frozen', phase: 'G1', by: 'owner', critical: true },
  { name: 'BOM released to supplier', phase: 'G1', by: 'owner' },
  { name: 'Tooling kick-off (T0)', phase: 'G1', by: 'contact', critical: true },
  { name: 'Long-lead components ordered', phase: 'G1', by: 'contact' },
  { name: 'Packaging dielines approved', phase: 'G1', by: 'owner' },
  { name: 'PFMEA reviewed', phase: 'G1', by: 'quality' },
  { name: 'Control plan draft received', phase: 'G1', by: 'quality' },
  { name: 'T1 samples shipped', phase: 'G1', by: 'contact', critical: true },
  { name: 'T1 samples arrived', phase: 'G1', by: 'owner' },
  { name: 'T1 inspection report accepted', phase: 'G1', by: 'quality' },
  { name: 'Tooling adjustment complete', phase: 'G1', by: 'contact', critical: true },
  { name: 'T2 samples shipped', phase: 'G1', by: 'contact' },
  { name: 'T2 samples arrived', phase: 'G1', by: 'owner' },
  { name: 'Golden sample approved', phase: 'G1', by: 'quality', critical: true },
  { name: 'Cosmetic standard signed', phase: 'G1', by: 'quality' },
  { name: 'Compliance test plan agreed', phase: 'G1', by: 'quality' },
  { name: 'G1 pre-production readiness review', phase: 'G1', by: 'owner', critical: true },
  { name: 'Pilot build materials on hand', phase: 'G2', by: 'contact' },
  { name: 'Line layout approved', phase: 'G2', by: 'contact' },
  { name: 'Work instructions released', phase: 'G2', by: 'contact' },
  { name: 'Operator training complete', phase: 'G2', by: 'contact' },
  { name: 'Pilot run started', phase: 'G2', by: 'contact', critical: true },
  { name: 'Pilot run complete', phase: 'G2', by: 'contact', critical: true },
  { name: 'Pilot lot inspection (AQL) passed', phase: 'G2', by: 'quality', critical: true },
  { name: 'Drop test passed', phase: 'G2', by: 'quality' },
  { name: 'Reliability test started', phase: 'G2', by: 'quality' },
  { name: 'Reliability test passed', phase: 'G2', by: 'quality' },
  { name: 'Safety certification submitted', phase: 'G2', by: 'quality' },
  { name: 'Safety certificate received', phase: 'G2', by: 'quality', critical: true },
  { name: 'Packaging transit test passed', phase: 'G2', by: 'quality' },
  { name: 'Process capability (Cpk) accepted', phase: 'G2', by: 'quality' },
  { name: 'Pilot corrective actions closed', phase: 'G2', by: 'contact' },
  { name: 'G2 pilot run review', phase: 'G2', by: 'owner', critical: true },
  { name: 'Mass production PO placed', phase: 'G3', by: 'owner' },
  { name: 'Raw materials received', phase: 'G3', by: 'contact' },
  { name: 'Start of production (SOP)', phase: 'G3', by: 'contact', critical: true },
  { name: 'First article inspection passed', phase: 'G3', by: 'quality', critical: true },
  { name: 'Ramp to 50% capacity', phase: 'G3', by: 'contact' },
  { name: 'Ramp to full capacity', phase: 'G3', by: 'contact' },
  { name: 'Lot 1 inline inspection', phase: 'G3', by: 'quality' },
  { name: 'Lot 1 final inspection (AQL)', phase: 'G3', by: 'quality', critical: true },
  { name: 'Lot 2 final inspection (AQL)', phase: 'G3', by: 'quality' },
  { name: 'Lot 3 final inspection (AQL)', phase: 'G3', by: 'quality' },
  { name: 'Weekly output target met', phase: 'G3', by: 'contact' },
  { name: 'Open corrective actions closed', phase: 'G3', by: 'quality' },
  { name: 'G3 active run review', phase: 'G3', by: 'owner', critical: true },
  { name: 'Retail packaging printed', phase: 'G4', by: 'contact' },
  { name: 'Labels and markings verified', phase: 'G4', by: 'quality' },
  { name: 'Pre-shipment inspection booked', phase: 'G4', by: 'owner' },
  { name: 'Pre-shipment inspection passed', phase: 'G4', by: 'quality', critical: true },
  { name: 'Export documents ready', phase: 'G4', by: 'contact' },
  { name: 'Container booked', phase: 'G4', by: 'owner' },
  { name: 'Goods loaded', phase: 'G4', by: 'contact' },
  { name: 'Vessel departed', phase: 'G4', by: 'contact' },
  { name: 'Customs clearance at destination', phase: 'G4', by: 'owner' },
  { name: 'Goods received at DC', phase: 'G4', by: 'owner' },
  { name: 'Release to market approved', phase: 'G4', by: 'owner', critical: true },
  { name: 'Launch stock allocated', phase: 'G4', by: 'owner' },
  { name: 'G4 release readiness review', phase: 'G4', by: 'owner', critical: true },
];

/** Reasons people give when a date moves, for the demo's forecast history. */
export const slipReasons = [
  'T1 samples held at customs in Shanghai; broker needs a corrected commercial invoice.',
  'Mould cavity 2 needs a texture rework after the T1 cosmetic review.',
  'Resin supplier allocated capacity to another customer; second source being qualified.',
  'Drop test failure on corner impact; rib design change under review.',
  'Factory shutdown extended by two days after the public holiday.',
  'Safety lab queue is four weeks; slot moved after re-submission of the test report.',
  'Pilot lot failed AQL 2.5 on scratches; 100% re-inspection and re-run scheduled.',
  'Packaging artwork changed by the client after sign-off.',
];
