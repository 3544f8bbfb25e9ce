import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { uploadOfficialSchedule } from '../app/calendar/upload-official-schedule.js';
import type { Actor } from '../app/deps.js';
import { addEvidence } from '../app/gates/add-evidence.js';
import { getGatePack } from '../app/gates/gate-pack.js';
import { getEvidenceFile } from '../app/gates/get-evidence-file.js';
import { getMe } from '../app/people/get-me.js';
import { getIssuedReport } from '../app/reports/issued-reports.js';
import { reportPdfName } from '../app/reports/mail-issued-report.js';
import { getPortfolioWeek, portfolioFileName } from '../app/reports/portfolio-week.js';
import type { OperationContext } from '../bindings/binding.js';
import { runOperation } from '../bindings/run-operation.js';
import { EvidenceSchema } from '../contract/gate.js';
import { type OperationInput, type OperationName, operationNames } from '../contract/operations.js';
import { servedAs, tooLargeMessage } from '../domain/gates/evidence-file.js';
import { gatePackFileName } from '../domain/gates/gate-pack.js';
import { ok, type Result, refuse } from '../domain/result.js';
import { renderGatePack, renderIssuedReportPdf, renderLeadershipPdf } from '../pdf/on-demand.js';
import { meJson } from '../present/api-json.js';
import type { Backend, OperationCall, OperationCalls } from './backend.js';
import type { Session } from './session.js';
import { terminalConfig } from './terminal.js';

/** The refusal of a command that needs a person when nobody is named. */
export const nobodyNamed = () => refuse<never>('UNAUTHENTICATED', 'say who you are: --as <email>, TOLLGATE_AS, or tollgate login');

/**
 * The commands on the configured database, acting as the session's person: each operation runs
 * its binding in-process (bindings/run-operation.ts), and the use cases apply the policy to them
 * exactly as the API does to a signed-in person.
 */
export function databaseBackend(s: Session): Backend {
  const { deps } = s;
  const actor = (): Result<Actor> => (!s.actor.ok ? s.actor : s.actor.value ? ok(s.actor.value) : nobodyNamed());
  /** Runs fn as the named person, or refuses when there is none. */
  const as = async <T>(fn: (a: Actor) => Promise<Result<T>>): Promise<Result<T>> => {
    const a = actor();
    return a.ok ? fn(a.value) : a;
  };
  // The CLI reports failures itself; nothing here has an operator's log.
  const context = (a: Actor, origin?: string): OperationContext => ({ app: deps, actor: a, origin, logError: () => {} });
  const call =
    <K extends OperationName>(name: K): OperationCall<K> =>
    (...input: unknown[]) =>
      as((a) => runOperation(context(a), name, (input[0] ?? {}) as OperationInput<K>));
  const calls = Object.fromEntries(operationNames.map((name) => [name, call(name)])) as unknown as OperationCalls;

  return {
    ...calls,
    kind: 'database',
    where: s.location,

    me: () =>
      as(async (a) => {
        const { csrfToken: _c, via: _v, ...me } = meJson(await getMe(deps, { actor: a }), undefined);
        return ok(me);
      }),

    invitePerson: (body, baseUrl) => as((a) => runOperation(context(a, baseUrl), 'invitePerson', { body })),

    uploadOfficialSchedule: (programId, text) => as((a) => uploadOfficialSchedule(deps, { programId, actor: a, text })),

    gatePack: (programId, gateKey, timeZone) =>
      as(async (a) => {
        const r = await getGatePack(deps, { programId, gateKey, timeZone, actor: a });
        if (!r.ok) return r;
        return ok({ pdf: await renderGatePack(r.value), fileName: gatePackFileName(r.value.program.code, r.value.gate.key) });
      }),

    issuedReportPdf: (programId, week, revision) =>
      as(async (a) => {
        const r = await getIssuedReport(deps, { programId, week, revision, actor: a });
        if (!r.ok) return r;
        const { report, issue, programCode } = r.value;
        return ok({
          pdf: await renderIssuedReportPdf(report, issue),
          fileName: reportPdfName(programCode, r.value.week, r.value.revision),
        });
      }),

    portfolioPdf: (week) =>
      as(async (a) => {
        const r = await getPortfolioWeek(deps, { week, actor: a });
        if (!r.ok) return r;
        return ok({ pdf: await renderLeadershipPdf(r.value.view, r.value.asOf), fileName: portfolioFileName(r.value.week.label, 'pdf') });
      }),

    addEvidenceFile: (programId, gateKey, itemKey, file) =>
      as(async (a) => {
        const maxBytes = terminalConfig().evidenceMaxBytes;
        // Refused before the file is read: the database keeps the bytes, and the limit holds here as on a server.
        if (file.sizeBytes > maxBytes)
          return refuse('EVIDENCE_TOO_LARGE', tooLargeMessage(maxBytes), [{ path: 'file', message: `At most ${maxBytes} bytes.` }]);
        const content = new Uint8Array(await readFile(file.path));
        const r = await addEvidence(deps, {
          programId,
          gateKey,
          itemKey,
          actor: a,
          reason: file.reason,
          evidence: { kind: 'file', title: file.title, fileName: file.fileName, content, maxBytes },
        });
        return r.ok ? ok(z.encode(EvidenceSchema, r.value as never)) : r;
      }),

    evidenceFile: (programId, evidenceId) =>
      as(async (a) => {
        const r = await getEvidenceFile(deps, { programId, evidenceId, actor: a });
        if (!r.ok) return r;
        return ok({
          bytes: r.value.content,
          fileName: r.value.evidence.fileName,
          contentType: servedAs(r.value.evidence.contentType).contentType,
        });
      }),

    close: () => s.close(),
  };
}
