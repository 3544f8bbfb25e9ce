import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ProgramSummary } from '../../../src/contract/program.js';
import type { UpdateRequestListSchema } from '../../../src/contract/update-request.js';
import type { PlainDate } from '../../../src/domain/plain-date.js';
import { nextWeek, weekOfDate } from '../../../src/domain/report/iso-week.js';
import { itemLabel } from '../../../src/domain/update-requests/update-request.js';
import { InstantText } from '../components/instant-text.js';
import { TableScroll } from '../components/table-scroll.js';
import { callOperation } from '../lib/http.js';

type RequestList = z.infer<typeof UpdateRequestListSchema>;
type Request = RequestList['requests'][number];

const requestsKey = (programId: string, week: string) => ['program', programId, 'update-requests', week] as const;

/**
 * Who was asked to update their items before this week's report (and next week's, when its request day came
 * already), and who answered; the cadence owner withdraws a supplier contact's link. Nothing is shown while no
 * one was asked for either week.
 */
export function UpdateRequestsSection({ program }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const headId = useId();
  const thisWeek = weekOfDate(program.today as PlainDate).label;
  const following = nextWeek(weekOfDate(program.today as PlainDate)).label;
  const lists = useQueries({
    queries: [thisWeek, following].map((week) => ({
      queryKey: requestsKey(program.id, week),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        callOperation('listUpdateRequests', { params: { programId: program.code }, query: { week } }, signal),
    })),
  });
  const shown = lists.flatMap((q) => (q.data && q.data.requests.length > 0 ? [q.data] : []));
  if (shown.length === 0) return null;
  const canRevoke = program.can['report.issue'] === 'yes';
  return (
    <section className="section" aria-labelledby={headId}>
      <h2 id={headId}>{t('updateRequests.heading')}</h2>
      <p className="section__intro">{t('updateRequests.intro')}</p>
      {shown.map((list) => (
        <WeekRequests key={list.week} program={program} list={list} canRevoke={canRevoke} />
      ))}
    </section>
  );
}

function WeekRequests({ program, list, canRevoke }: { program: ProgramSummary; list: RequestList; canRevoke: boolean }) {
  const { t } = useTranslation();
  const headId = useId();
  const answered = list.requests.filter((r) => r.answeredAt !== null).length;
  return (
    <>
      <h3 id={headId}>{t('updateRequests.week', { week: list.week, answered, count: list.requests.length })}</h3>
      <TableScroll labelledBy={headId}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('updateRequests.owner')}</th>
              <th scope="col">{t('updateRequests.askedAt')}</th>
              <th scope="col">{t('updateRequests.items')}</th>
              <th scope="col">{t('updateRequests.answered')}</th>
              <th scope="col">{t('updateRequests.link')}</th>
            </tr>
          </thead>
          <tbody>
            {list.requests.map((r) => (
              <RequestRow key={r.id} program={program} week={list.week} r={r} canRevoke={canRevoke} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function RequestRow({ program, week, r, canRevoke }: { program: ProgramSummary; week: string; r: Request; canRevoke: boolean }) {
  const { t } = useTranslation();
  const cache = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => callOperation('revokeUpdateRequest', { params: { programId: program.code, requestId: r.id }, body: {} }),
    onSuccess: (list) => cache.setQueryData(requestsKey(program.id, week), list),
  });
  return (
    <tr>
      <th scope="row">
        {r.owner.name}
        <br />
        <span className="muted">{r.hasAccount ? t('updateRequests.signsIn') : t('updateRequests.noAccount')}</span>
      </th>
      <td>
        <InstantText value={r.askedAt} />
      </td>
      <td>
        {r.items.map((i, n) => (
          <span key={i.id} className="update-item__key">
            {itemLabel(i)}
            {n < r.items.length - 1 ? ', ' : ''}
          </span>
        ))}
        <br />
        <span className="muted">{t('updateRequests.updatedOf', { n: r.answeredItemIds.length, count: r.items.length })}</span>
      </td>
      <td>
        {r.answeredAt === null ? (
          <span className="gap">{t('updateRequests.notYet')}</span>
        ) : (
          <>
            {t('updateRequests.yes')} · <InstantText value={r.answeredAt} />
          </>
        )}
      </td>
      <td>
        {r.link === null ? (
          '—'
        ) : r.link.state === 'open' ? (
          <>
            {t('updateRequests.linkOpen')} <InstantText value={r.link.expiresAt} />
            {canRevoke && (
              <>
                <br />
                <button
                  type="button"
                  className="button button--small button--secondary"
                  disabled={revoke.isPending}
                  aria-label={t('updateRequests.revokeFor', { name: r.owner.name })}
                  onClick={() => revoke.mutate()}
                >
                  {t('updateRequests.revoke')}
                </button>
              </>
            )}
            {revoke.isError && (
              <span role="alert" className="field__error">
                {t('updateRequests.revokeFailed')}
              </span>
            )}
          </>
        ) : (
          t(`updateRequests.linkState.${r.link.state}`)
        )}
      </td>
    </tr>
  );
}
