import type { ChecklistItemTemplate, ItemOwnerRole, PpapLevel, PpapRequirement } from './template.js';

type Mark = 'S' | 'R' | '*';

interface PpapElement {
  readonly element: number;
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly ownerRole: ItemOwnerRole;
  /** The mark at levels 1–5, in order. */
  readonly marks: readonly Mark[];
}

// The 18 PPAP elements and the retention/submission requirement table, after AIAG PPAP 4th ed. (2006),
// section 4 "Customer notification and submission requirements": S = submit to the customer and retain a
// copy, R = retain and make available on request, * = retain and submit on request. Level 4 marks are
// "*" because the customer defines them; level 5 is reviewed at the supplier's manufacturing site.
// Design records: the row for components other than proprietary ones (proprietary details are retained).
const elements: readonly PpapElement[] = [
  el(
    1,
    'DESIGN-RECORDS',
    'Design records',
    'Released drawings and specifications the parts were made to, ballooned.',
    'cadence_owner',
    'RSS*R',
  ),
  el(
    2,
    'ENG-CHANGES',
    'Engineering change documents',
    'Authorised change documents not yet in the design record, if any.',
    'cadence_owner',
    'RSS*R',
  ),
  el(
    3,
    'CUSTOMER-ENG-APPROVAL',
    'Customer engineering approval',
    'Evidence of the customer’s engineering approval, where the customer requires it.',
    'quality_owner',
    'RRS*R',
  ),
  el(
    4,
    'DFMEA',
    'Design FMEA',
    'Design failure mode and effects analysis, where the organisation is design-responsible.',
    'quality_owner',
    'RRS*R',
  ),
  el(5, 'PROCESS-FLOW', 'Process flow diagram', 'Every step of the production process from receiving to shipping.', 'supplier', 'RRS*R'),
  el(6, 'PFMEA', 'Process FMEA', 'Process failure mode and effects analysis, consistent with the flow diagram.', 'supplier', 'RRS*R'),
  el(
    7,
    'CONTROL-PLAN',
    'Control plan',
    'Production control plan: characteristics, methods, sample sizes, reaction plans.',
    'supplier',
    'RRS*R',
  ),
  el(
    8,
    'MSA',
    'Measurement system analysis studies',
    'Gauge R&R and bias/linearity studies for the gauges in the control plan.',
    'quality_owner',
    'RRS*R',
  ),
  el(
    9,
    'DIMENSIONAL',
    'Dimensional results',
    'Every dimension and note of the design record measured on the sample parts.',
    'quality_owner',
    'RSS*R',
  ),
  el(
    10,
    'MATERIAL-PERFORMANCE',
    'Material and performance test results',
    'Results of the tests the design record and control plan require.',
    'quality_owner',
    'RSS*R',
  ),
  el(
    11,
    'INITIAL-STUDIES',
    'Initial process studies',
    'Capability (Ppk) of the special characteristics from a significant production run.',
    'quality_owner',
    'RRS*R',
  ),
  el(
    12,
    'QUALIFIED-LAB',
    'Qualified laboratory documentation',
    'Scope and accreditation of the laboratories that ran the tests.',
    'quality_owner',
    'RSS*R',
  ),
  el(
    13,
    'AAR',
    'Appearance approval report',
    'Appearance approval for parts with appearance requirements, where applicable.',
    'quality_owner',
    'SSS*R',
  ),
  el(
    14,
    'SAMPLE-PARTS',
    'Sample production parts',
    'Parts from the significant production run, as the customer asks.',
    'supplier',
    'RSS*R',
  ),
  el(
    15,
    'MASTER-SAMPLE',
    'Master sample',
    'A sample kept and signed off with the customer, used for training and comparison.',
    'quality_owner',
    'RRR*R',
  ),
  el(
    16,
    'CHECKING-AIDS',
    'Checking aids',
    'Part-specific fixtures and gauges, with their calibration and MSA records.',
    'supplier',
    'RRR*R',
  ),
  el(
    17,
    'CSR',
    'Customer-specific requirements',
    'Records of compliance with every customer-specific requirement that applies.',
    'quality_owner',
    'RRS*R',
  ),
  el(
    18,
    'PSW',
    'Part submission warrant',
    'The signed warrant declaring the parts meet every requirement: the final sign-off.',
    'quality_owner',
    'SSSSR',
  ),
];

function el(element: number, key: string, title: string, description: string, ownerRole: ItemOwnerRole, marks: string): PpapElement {
  const m = [...marks];
  if (m.length !== 5 || m.some((x) => x !== 'S' && x !== 'R' && x !== '*')) throw new Error(`bad PPAP marks for ${key}`);
  return { element, key, title, description, ownerRole, marks: m as Mark[] };
}

const requirementOf: Record<Mark, PpapRequirement> = { S: 'submit', R: 'retain', '*': 'on_request' };
const requirementText: Record<PpapRequirement, string> = {
  submit: 'Submit to the customer and retain a copy.',
  retain: 'Retain and make available to the customer on request.',
  on_request: 'Retain and submit to the customer on request.',
};

/** The PPAP element table as data: element number, title and the requirement at each level. */
export const ppapElements = elements.map((e) => ({
  element: e.element,
  title: e.title,
  requirements: e.marks.map((m) => requirementOf[m]),
}));

/** Due offsets before the release review: records first, sample parts next, the warrant on the review day. */
const dueOffset = (element: number): number => (element === 18 ? 0 : element === 14 || element === 15 ? -5 : -10);

/**
 * The release gate's checklist for a PPAP level: all 18 elements, each saying whether it is submitted,
 * retained or submitted on request (every element is evidence the organisation must hold, so all are
 * required); the part submission warrant is always the last, the final sign-off.
 */
export function ppapChecklist(level: PpapLevel): ChecklistItemTemplate[] {
  const onSite = level === 5;
  const ordered = [...elements.filter((e) => e.element !== 18), ...elements.filter((e) => e.element === 18)];
  return ordered.map((e) => {
    const requirement = requirementOf[e.marks[level - 1] as Mark];
    const how = onSite ? 'Retain; the customer reviews it at the supplier’s manufacturing site.' : requirementText[requirement];
    return {
      key: `PPAP-${String(e.element).padStart(2, '0')}-${e.key}`,
      title: e.title,
      description: `${e.description} PPAP level ${level}: ${how}`,
      isRequired: true,
      ownerRole: e.ownerRole,
      dueOffsetDays: dueOffset(e.element),
      ppap: { element: e.element, requirement, isReviewedAtSupplierSite: onSite },
    };
  });
}
