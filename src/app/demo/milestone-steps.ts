import type { Phase } from '../../domain/milestone.js';

/** Who usually owns a step: the supplier contact, the quality owner or the cadence owner. */
export type StepOwner = 'contact' | 'quality' | 'owner';

interface Step {
  readonly step: string;
  readonly phase: Phase;
  readonly by: StepOwner;
  readonly critical?: boolean;
}

/**
 * The standard plan of a contract-manufacturing program, gate by gate. Each demo program picks its
 * steps from it, in this order, and names them for its own product (texts/*.ts); the step gives the
 * phase, who owns it and whether it is on the critical chain.
 */
export const milestoneSteps = [
  { step: 'kickoff', phase: 'G1', by: 'owner' },
  { step: 'drawingsFrozen', phase: 'G1', by: 'owner', critical: true },
  { step: 'bomReleased', phase: 'G1', by: 'owner' },
  { step: 'toolingKickoff', phase: 'G1', by: 'contact', critical: true },
  { step: 'longLeadOrdered', phase: 'G1', by: 'contact' },
  { step: 'dielinesApproved', phase: 'G1', by: 'owner' },
  { step: 'pfmea', phase: 'G1', by: 'quality' },
  { step: 'controlPlanDraft', phase: 'G1', by: 'quality' },
  { step: 't1Shipped', phase: 'G1', by: 'contact', critical: true },
  { step: 't1Arrived', phase: 'G1', by: 'owner' },
  { step: 't1Accepted', phase: 'G1', by: 'quality' },
  { step: 'toolingAdjusted', phase: 'G1', by: 'contact', critical: true },
  { step: 't2Shipped', phase: 'G1', by: 'contact' },
  { step: 't2Arrived', phase: 'G1', by: 'owner' },
  { step: 'goldenSample', phase: 'G1', by: 'quality', critical: true },
  { step: 'cosmeticStandard', phase: 'G1', by: 'quality' },
  { step: 'complianceTestPlan', phase: 'G1', by: 'quality' },
  { step: 'g1Review', phase: 'G1', by: 'owner', critical: true },
  { step: 'pilotMaterials', phase: 'G2', by: 'contact' },
  { step: 'lineLayout', phase: 'G2', by: 'contact' },
  { step: 'workInstructions', phase: 'G2', by: 'contact' },
  { step: 'operatorTraining', phase: 'G2', by: 'contact' },
  { step: 'pilotStarted', phase: 'G2', by: 'contact', critical: true },
  { step: 'pilotComplete', phase: 'G2', by: 'contact', critical: true },
  { step: 'pilotAql', phase: 'G2', by: 'quality', critical: true },
  { step: 'dropTest', phase: 'G2', by: 'quality' },
  { step: 'reliabilityStarted', phase: 'G2', by: 'quality' },
  { step: 'reliabilityPassed', phase: 'G2', by: 'quality' },
  { step: 'certificationSubmitted', phase: 'G2', by: 'quality' },
  { step: 'certificateReceived', phase: 'G2', by: 'quality', critical: true },
  { step: 'transitTest', phase: 'G2', by: 'quality' },
  { step: 'cpk', phase: 'G2', by: 'quality' },
  { step: 'pilotActionsClosed', phase: 'G2', by: 'contact' },
  { step: 'g2Review', phase: 'G2', by: 'owner', critical: true },
  { step: 'massProductionPo', phase: 'G3', by: 'owner' },
  { step: 'rawMaterials', phase: 'G3', by: 'contact' },
  { step: 'sop', phase: 'G3', by: 'contact', critical: true },
  { step: 'firstArticle', phase: 'G3', by: 'quality', critical: true },
  { step: 'ramp50', phase: 'G3', by: 'contact' },
  { step: 'rampFull', phase: 'G3', by: 'contact' },
  { step: 'lot1Inline', phase: 'G3', by: 'quality' },
  { step: 'lot1Final', phase: 'G3', by: 'quality', critical: true },
  { step: 'lot2Final', phase: 'G3', by: 'quality' },
  { step: 'lot3Final', phase: 'G3', by: 'quality' },
  { step: 'weeklyOutput', phase: 'G3', by: 'contact' },
  { step: 'openActionsClosed', phase: 'G3', by: 'quality' },
  { step: 'g3Review', phase: 'G3', by: 'owner', critical: true },
  { step: 'retailPackaging', phase: 'G4', by: 'contact' },
  { step: 'labelsVerified', phase: 'G4', by: 'quality' },
  { step: 'psiBooked', phase: 'G4', by: 'owner' },
  { step: 'psiPassed', phase: 'G4', by: 'quality', critical: true },
  { step: 'exportDocuments', phase: 'G4', by: 'contact' },
  { step: 'containerBooked', phase: 'G4', by: 'owner' },
  { step: 'goodsLoaded', phase: 'G4', by: 'contact' },
  { step: 'vesselDeparted', phase: 'G4', by: 'contact' },
  { step: 'customsCleared', phase: 'G4', by: 'owner' },
  { step: 'goodsAtDc', phase: 'G4', by: 'owner' },
  { step: 'releaseApproved', phase: 'G4', by: 'owner', critical: true },
  { step: 'launchStock', phase: 'G4', by: 'owner' },
  { step: 'g4Review', phase: 'G4', by: 'owner', critical: true },
] as const satisfies readonly Step[];

export type StepId = (typeof milestoneSteps)[number]['step'];

type GateReview = 'g1Review' | 'g2Review' | 'g3Review' | 'g4Review';

/**
 * The gate reviews keep their Tollgate names in every program: they are the gates themselves, not
 * work on the product, so the same words on two programs mean the same thing.
 */
export const gateReviewNames: Readonly<Record<GateReview, string>> = {
  g1Review: 'G1 pre-production readiness review',
  g2Review: 'G2 pilot run review',
  g3Review: 'G3 active run review',
  g4Review: 'G4 release readiness review',
};

/** A program's gate review, under its Tollgate name. */
export const gateReview = (step: GateReview): readonly [StepId, string] => [step, gateReviewNames[step]];

const byId: ReadonlyMap<string, Step> = new Map(milestoneSteps.map((s) => [s.step, s]));

/** The step a demo milestone stands for: its phase, owner and place on the critical chain. */
export const stepOf = (id: StepId): Step => byId.get(id) as Step;
