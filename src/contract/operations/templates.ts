import { defineOperations } from '../operation.js';
import { TemplateListSchema, TemplateParamsSchema, TemplateQuerySchema, TemplateSchema } from '../template.js';

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
});
