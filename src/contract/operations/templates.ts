import { defineOperations, writeRefusals } from '../operation.js';
import {
  CopyTemplateSchema,
  EditTemplateSchema,
  TemplateListSchema,
  TemplateParamsSchema,
  TemplateQuerySchema,
  TemplateSchema,
} from '../template.js';

const tags = ['templates'];

/** Program templates: the gates with their checklists and the standard milestones a program is made from. */
export const templateOperations = defineOperations({
  listTemplates: {
    method: 'GET',
    path: '/templates',
    tags,
    summary: 'The program templates: their gates, checklist sizes and standard milestones',
    status: 200,
    response: TemplateListSchema,
    refusals: [401],
  },
  getTemplate: {
    method: 'GET',
    path: '/templates/:templateId',
    tags,
    summary: 'One program template: each gate with its close criteria and checklist, and the standard milestones with their lags',
    description:
      'For a template with PPAP (apqp-ppap), ?ppapLevel=1…5 gives the release gate’s checklist for that submission level: each of the 18 PPAP elements submitted, retained or on request, the part submission warrant last.',
    params: TemplateParamsSchema,
    query: TemplateQuerySchema,
    status: 200,
    response: TemplateSchema,
    refusals: [401, 404],
  },
  copyTemplate: {
    method: 'POST',
    path: '/templates/:templateId/copy',
    tags,
    summary: 'Copy a template as the workspace’s own, at version 1 (admins)',
    description:
      'The copy records the template and version it is based on. An id in use (shipped or the workspace’s, also one copied at the same moment) is 409 TEMPLATE_EXISTS.',
    params: TemplateParamsSchema,
    body: CopyTemplateSchema,
    status: 201,
    response: TemplateSchema,
    refusals: writeRefusals,
  },
  editTemplate: {
    method: 'PATCH',
    path: '/templates/:templateId',
    tags,
    summary: 'Edit or archive a workspace template at the version read, with a reason; its version counts up (admins)',
    description:
      'Shipped templates are read-only (409 TEMPLATE_READ_ONLY): copy one first. The edited template is checked as a whole: unique keys, each gate’s review milestone in its gate, lags and item offsets within bounds, no cycle among the standard milestones, PPAP rules for a PPAP-based one; each problem names its field.',
    params: TemplateParamsSchema,
    body: EditTemplateSchema,
    status: 200,
    response: TemplateSchema,
    refusals: writeRefusals,
  },
});
