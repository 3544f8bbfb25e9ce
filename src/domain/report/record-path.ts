import type { ReportRecord } from './weekly-report.js';

const program = (code: string) => `/programs/${encodeURIComponent(code)}`;
const part = encodeURIComponent;

/** Where a record named in a report is fixed: the same pages as the web app's links (web/src/records/paths.ts). */
export function recordPath(code: string, record: ReportRecord, key: string, gateKey?: string | undefined): string {
  switch (record) {
    case 'milestone':
      return `${program(code)}#${part(key)}`;
    case 'decision':
      return `${program(code)}/decisions/${part(key)}`;
    case 'risk':
      return `${program(code)}/risks/${part(key)}`;
    case 'action':
      return `${program(code)}/actions#${part(key)}`;
    case 'gate':
      return `${program(code)}/gates/${part(key)}`;
    case 'checklist_item':
      return `${program(code)}/gates/${part(gateKey ?? '')}#${part(key)}`;
    case 'escalation':
      return `${program(code)}/escalations#${part(key)}`;
  }
}
