import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InstantText } from '../components/instant-text.js';
import { Verdict } from '../floor/event-outcome.js';
import { paths } from '../records/paths.js';
import type { Evidence } from './gates-api.js';
import { evidenceFileUrl } from './gates-api.js';

const units = ['B', 'KB', 'MB', 'GB'] as const;

/** A file size in words a person reads at a glance: 2.4 MB. */
export function formatBytes(bytes: number): string {
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${u === 0 ? n : n.toFixed(n < 10 ? 1 : 0)} ${units[u]}`;
}

/** Only web addresses are followed from evidence: a link of another scheme is shown, not linked. */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

interface Props {
  programId: string;
  evidence: readonly Evidence[];
  nameOf: (id: string | null) => React.ReactNode;
  /** Offered to the item's owner while the evidence may still change. */
  onRemove?: ((e: Evidence) => void) | undefined;
}

/** An item's evidence: files to download, links to follow, notes to read; who added each and when. */
export function EvidenceList({ programId, evidence, nameOf, onRemove }: Props) {
  const { t } = useTranslation();
  const shown = evidence.filter((e) => e.removedAt === null);
  if (shown.length === 0) return <p className="muted evidence-none">{t('gates.evidence.none')}</p>;
  return (
    <ul className="evidence-list">
      {shown.map((e) => (
        <li key={e.id} className="evidence-list__item">
          <span className="tag">{t(`gates.evidence.kinds.${e.kind}`)}</span>{' '}
          {e.kind === 'file' ? (
            <a href={e.downloadPath ?? evidenceFileUrl(programId, e.id)} download={e.fileName ?? undefined}>
              {e.title || e.fileName}
            </a>
          ) : e.kind === 'link' && e.url && isWebAddress(e.url) ? (
            <a href={e.url} target="_blank" rel="noopener noreferrer">
              {e.title}
            </a>
          ) : e.kind === 'event' && e.event ? (
            <Link to={paths.floorEvent(programId, e.event.key)}>{e.title}</Link>
          ) : (
            <span>{e.title}</span>
          )}
          {e.event && (
            <span className="evidence-list__note">
              <Verdict verdict={e.event.verdict} /> {e.event.summary}
            </span>
          )}
          {e.kind === 'file' && e.sizeBytes !== null && <span className="muted"> ({formatBytes(e.sizeBytes)})</span>}
          {e.kind === 'note' && e.note && <span className="pre-line evidence-list__note">{e.note}</span>}
          <span className="cell-sub">
            {t('gates.evidence.added')} {nameOf(e.addedById)} · <InstantText value={e.addedAt} />
          </span>
          {onRemove && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={t('gates.evidence.removeLabel', { title: e.title || e.fileName })}
              onClick={() => onRemove(e)}
            >
              {t('gates.evidence.remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
