import type { Command } from 'commander';
import type { z } from 'zod';
import { ReportWeekSchema } from '../contract/report.js';
import type { UpdateRequestListSchema } from '../contract/update-request.js';
import { RevokeUpdateRequestSchema } from '../contract/update-request.js';
import { itemLabel } from '../domain/update-requests/update-request.js';
import { addActingOptions, withBackend } from './connect.js';
import { parseOption } from './options.js';
import { emit, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';

// tollgate update-request list|revoke (issue 14): who was asked to update their items before a week's report.

type RequestList = z.output<typeof UpdateRequestListSchema>;

/** One line per owner: asked when, how many items, answered or not, and their link's state. */
function describe(l: RequestList): string {
  if (l.requests.length === 0) return `Nobody was asked to update their items before ${l.programCode}'s ${l.week} report.`;
  const answered = l.requests.filter((r) => r.answeredAt !== null).length;
  return [
    `${l.programCode} update requests before the ${l.week} report: ${answered} of ${l.requests.length} answered`,
    table(
      ['owner', 'asked at', 'items', 'answered', 'link', 'id'],
      l.requests.map((r) => [
        `${r.owner.name} <${r.owner.email}>`,
        r.askedAt,
        `${r.items.map(itemLabel).join(', ')} (${r.answeredItemIds.length}/${r.items.length} updated)`,
        r.answeredAt === null ? 'not yet' : `yes, ${r.answeredAt}`,
        r.link === null ? 'signs in' : r.link.state === 'open' ? `until ${r.link.expiresAt}` : r.link.state,
        r.id,
      ]),
      { dropOrder: [5, 1] },
    ),
  ].join('\n');
}

export function registerUpdateRequestCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('update-request')
    .description('Update requests before the weekly report: who was asked to update their items, and who answered');

  addActingOptions(
    group
      .command('list')
      .description("Who was asked before the week's report, about which items, and who has answered")
      .argument('<program>', 'program code or id')
      .requiredOption('--week <week>', "the report's ISO week in the program's time zone, e.g. 2026-W49")
      .option('--json', "print the API's JSON (UpdateRequestList)"),
  ).action(async (programRef: string, o: { week: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const week = parseOption(out, '--week', ReportWeekSchema, o.week.trim());
    await withBackend(ctx, cmd, out, async (b) => {
      const l = must(out, await b.listUpdateRequests({ params: { programId: programRef.trim() }, query: { week } }));
      emit(out, l, () => describe(l));
    });
  });

  addActingOptions(
    group
      .command('revoke')
      .description("Withdraw a request's signed link (the cadence owner): it opens nothing from then on")
      .argument('<program>', 'program code or id')
      .argument('<request>', 'the request id (`update-request list` shows it)')
      .option('--reason <text>', 'why, for the change log')
      .option('--json', "print the API's JSON (UpdateRequestList)"),
  ).action(async (programRef: string, requestId: string, o: { reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const body = parseOption(out, '--reason', RevokeUpdateRequestSchema, o.reason === undefined ? {} : { reason: o.reason });
    await withBackend(ctx, cmd, out, async (b) => {
      const l = must(out, await b.revokeUpdateRequest({ params: { programId: programRef.trim(), requestId: requestId.trim() }, body }));
      emit(out, l, () => describe(l));
    });
  });
}
