import { ppapChecklist } from './ppap.js';
import { defaultWarningDays, type PpapLevel, type ProgramTemplate } from './template.js';
import { escalation, item, milestone } from './template-data.js';

/**
 * APQP (AIAG APQP 2nd ed.) phases 1–4 as gates; the release gate's checklist is the PPAP for `level`.
 * Phase 5 (feedback, assessment and corrective action) runs after release and closes no gate.
 */
export function apqpPpapTemplate(level: PpapLevel): ProgramTemplate {
  return {
    id: 'apqp-ppap',
    name: `APQP with PPAP level ${level}`,
    version: 1,
    description: 'Advanced product quality planning in four gates; production release by part submission warrant.',
    ppapLevel: level,
    gates: [
      {
        key: 'G1',
        name: 'Plan and define the program',
        closeCriteria:
          'The customer’s needs are turned into design and quality goals, with a preliminary BOM, process flow and special characteristics, and management commits the resources.',
        decidedBy: 'decision_owner',
        ownerRole: 'cadence_owner',
        gatekeeperRoles: ['cadence_owner', 'quality_owner'],
        warningDays: defaultWarningDays,
        reviewMilestoneKey: 'APQP-G1-REVIEW',
        checklist: [
          item('A1-DESIGN-GOALS', 'Design goals', 'cadence_owner', -10, 'The voice of the customer turned into measurable design goals.'),
          item(
            'A1-QUALITY-GOALS',
            'Reliability and quality goals',
            'quality_owner',
            -10,
            'Reliability, quality and capability targets agreed.',
          ),
          item('A1-PRELIM-BOM', 'Preliminary bill of materials', 'cadence_owner', -5, 'The expected parts and materials, with sources.'),
          item(
            'A1-PRELIM-FLOW',
            'Preliminary process flow chart',
            'supplier',
            -5,
            'The expected manufacturing process, from the BOM and product concept.',
          ),
          item(
            'A1-PRELIM-SPECIAL',
            'Preliminary special characteristics',
            'quality_owner',
            -5,
            'Special product and process characteristics known so far.',
          ),
          item(
            'A1-ASSURANCE-PLAN',
            'Product assurance plan',
            'quality_owner',
            -5,
            'How the design goals will be assured: requirements, reliability, tests.',
          ),
          item('A1-MGMT-SUPPORT', 'Management support', 'decision_owner', -2, 'Management commits people and budget to the plan.'),
        ],
      },
      {
        key: 'G2',
        name: 'Product design and development verification',
        closeCriteria:
          'The design is verified against its goals, reviewed for manufacture and frozen, and the team commits that it can be made as specified.',
        decidedBy: 'decision_owner',
        ownerRole: 'quality_owner',
        gatekeeperRoles: ['cadence_owner', 'quality_owner'],
        warningDays: defaultWarningDays,
        reviewMilestoneKey: 'APQP-G2-REVIEW',
        checklist: [
          item('A2-DFMEA', 'Design FMEA', 'quality_owner', -10, 'Design failure modes analysed, actions on high risks.'),
          item(
            'A2-DFM',
            'Design for manufacturing and assembly',
            'supplier',
            -10,
            'The design reviewed with the factory for manufacture and assembly.',
          ),
          item(
            'A2-DVPR',
            'Design verification plan and report',
            'quality_owner',
            -5,
            'Every design requirement verified by test or analysis.',
          ),
          item('A2-PROTO-CP', 'Prototype build and control plan', 'supplier', -5, 'Prototypes built under a prototype control plan.'),
          item(
            'A2-DRAWINGS',
            'Engineering drawings and specifications',
            'cadence_owner',
            -5,
            'Drawings, material and engineering specifications released.',
          ),
          item(
            'A2-EQUIPMENT',
            'Equipment, tooling and gauge needs',
            'supplier',
            -5,
            'New equipment, tooling, facilities, gauges and test equipment identified, with lead times.',
          ),
          item(
            'A2-SPECIAL',
            'Special characteristics confirmed',
            'quality_owner',
            -5,
            'Special product and process characteristics confirmed.',
          ),
          item(
            'A2-FEASIBILITY',
            'Team feasibility commitment',
            'decision_owner',
            -2,
            'The team commits that the design can be made, assembled and tested at the required rate.',
          ),
        ],
      },
      {
        key: 'G3',
        name: 'Process design and development verification',
        closeCriteria:
          'The manufacturing process and its controls are designed, analysed and documented, ready for a significant production run.',
        decidedBy: 'decision_owner',
        ownerRole: 'quality_owner',
        gatekeeperRoles: ['cadence_owner', 'quality_owner'],
        warningDays: defaultWarningDays,
        reviewMilestoneKey: 'APQP-G3-REVIEW',
        checklist: [
          item(
            'A3-PACKAGING',
            'Packaging standards and specification',
            'cadence_owner',
            -10,
            'Packaging designed to the customer’s standards.',
          ),
          item(
            'A3-QMS-REVIEW',
            'Quality system review',
            'quality_owner',
            -10,
            'The factory’s quality system reviewed for the new product.',
          ),
          item('A3-FLOW', 'Process flow chart', 'supplier', -5, 'The final process flow.'),
          item('A3-LAYOUT', 'Floor plan layout', 'supplier', -5, 'Line layout with inspection points and material flow.'),
          item('A3-PFMEA', 'Process FMEA', 'supplier', -5, 'Process failure modes analysed, actions on high risks.'),
          item('A3-PRELAUNCH-CP', 'Pre-launch control plan', 'quality_owner', -5, 'Extra controls for the launch period.'),
          item('A3-INSTRUCTIONS', 'Process instructions', 'supplier', -5, 'Work instructions for every operation.'),
          item('A3-MSA-PLAN', 'Measurement system analysis plan', 'quality_owner', -5, 'Which gauges get which study, by when.'),
          item(
            'A3-CAPABILITY-PLAN',
            'Preliminary capability study plan',
            'quality_owner',
            -2,
            'Which characteristics get capability studies in the significant run.',
          ),
        ],
      },
      {
        key: 'G4',
        name: 'Product and process validation (PPAP)',
        closeCriteria: `The significant production run is validated and the PPAP at level ${level} is complete; the customer approves the part submission warrant.`,
        decidedBy: 'decision_owner',
        ownerRole: 'quality_owner',
        gatekeeperRoles: ['cadence_owner', 'quality_owner'],
        warningDays: defaultWarningDays,
        reviewMilestoneKey: 'APQP-G4-REVIEW',
        checklist: ppapChecklist(level),
      },
    ],
    milestones: [
      milestone('APQP-KICKOFF', 'APQP kickoff', 'G1', []),
      milestone('APQP-G1-REVIEW', 'G1 review: program defined', 'G1', [['APQP-KICKOFF', 15]], true),
      milestone('PROTOTYPE-BUILD', 'Prototype build', 'G2', [['APQP-G1-REVIEW', 20]], true),
      milestone('DESIGN-VERIFIED', 'Design verification complete', 'G2', [['PROTOTYPE-BUILD', 15]]),
      milestone('APQP-G2-REVIEW', 'G2 review: design frozen', 'G2', [['DESIGN-VERIFIED', 5]], true),
      milestone('TOOLING-COMPLETE', 'Production tooling complete', 'G3', [['APQP-G2-REVIEW', 30]], true),
      milestone('APQP-G3-REVIEW', 'G3 review: process ready', 'G3', [['TOOLING-COMPLETE', 5]], true),
      milestone('SIGNIFICANT-RUN', 'Significant production run', 'G4', [['APQP-G3-REVIEW', 10]], true),
      milestone('PPAP-SUBMITTED', 'PPAP submitted', 'G4', [['SIGNIFICANT-RUN', 10]], true),
      milestone('APQP-G4-REVIEW', 'G4 review: PSW approved', 'G4', [['PPAP-SUBMITTED', 10]], true),
      milestone('SOP', 'Start of production', 'G4', [['APQP-G4-REVIEW', 5]], true),
    ],
    escalation,
  };
}

/** The APQP/PPAP template at the default submission level (3). */
export const apqpPpapTemplateV1: ProgramTemplate = apqpPpapTemplate(3);
