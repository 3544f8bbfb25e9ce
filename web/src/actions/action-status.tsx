import { useTranslation } from 'react-i18next';
import { InstantText } from '../components/instant-text.js';
import { OwnerName } from '../components/owner-name.js';
import { formatPlainDate } from '../lib/format.js';
import type { Action } from '../lib/records-api.js';
import { Mark, type Tone } from '../records/mark.js';

const tones: Record<Action['status'], Tone> = { open: 'neutral', done: 'waiting', closed: 'done' };

/** Open, done (waiting for confirmation) or closed; with the note, who confirmed, and the effectiveness check. */
export function ActionStatus({ action: a }: { action: Action }) {
  const { t } = useTranslation();
  return (
    <>
      <Mark tone={tones[a.status]} title={t(`actions.statusHint.${a.status}`)}>
        {t(`actions.status.${a.status}`)}
      </Mark>
      {a.status !== 'open' && a.doneNote && (
        <span className="cell-sub">
          {t('actions.doneNote', { note: a.doneNote })}
          {a.doneAt && (
            <>
              {' · '}
              <InstantText value={a.doneAt} />
            </>
          )}
        </span>
      )}
      {a.status === 'closed' && a.confirmedBy && (
        <span className="cell-sub">
          {t('actions.confirmedBy')} <OwnerName owner={a.confirmedBy} />
          {a.confirmedAt && (
            <>
              {' · '}
              <InstantText value={a.confirmedAt} />
            </>
          )}
        </span>
      )}
      {a.checkResult ? (
        <span className="cell-sub">
          <Mark tone={a.checkResult === 'effective' ? 'on_track' : 'late'}>{t(`actions.check.${a.checkResult}`)}</Mark>
        </span>
      ) : (
        a.checkDate && <span className="cell-sub">{t('actions.checkDue', { date: formatPlainDate(a.checkDate) })}</span>
      )}
    </>
  );
}
