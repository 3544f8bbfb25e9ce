import { apqpPpapTemplateV1 } from './apqp-ppap.js';
import { defaultFourGateTemplate } from './default-four-gate.js';
import type { ProgramTemplate } from './template.js';

/** The templates Tollgate ships; a program records the id and version it was made from. */
export const shippedTemplates: readonly ProgramTemplate[] = [defaultFourGateTemplate, apqpPpapTemplateV1];
