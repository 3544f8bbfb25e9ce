import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { itemLabel } from '../../../src/domain/update-requests/update-request.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { ApiError } from '../lib/api.js';
import { formatInstant, formatPlainDate } from '../lib/format.js';
import { type LinkItem, type UpdateLink, updateLinkApi, updateLinkKey, useUpdateLink } from './update-link-api.js';

/** The languages a supplier's contact chooses between on the page, remembered in this browser. */
const languages = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
] as const;
const languageKey = 'tollgate.updateLinkLanguage';

const remembered = (): string | null => {
  try {
    return localStorage.getItem(languageKey);
  } catch {
    return null;
  }
};

function useChosenLanguage(): [string, (code: string) => void] {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState(() => remembered() ?? i18n.language);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return [
    language,
    (code) => {
      try {
        localStorage.setItem(languageKey, code);
      } catch {
        // A browser that keeps nothing still switches for this visit.
      }
      setLanguage(code);
    },
  ];
}

function LanguageToggle({ language, choose }: { language: string; choose: (code: string) => void }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, as the ARIA practices describe it
    <div className="lang-toggle" role="group" aria-label={t('updateLink.language')}>
      {languages.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          className="button button--small button--secondary"
          aria-pressed={language === l.code}
          onClick={() => choose(l.code)}
        >
          {l.name}
        </button>
      ))}
    </div>
  );
}

/** The words of a refusal, from the catalogue by its code (the server's English is never shown). */
function useRefusalText(): (e: unknown) => string {
  const { t } = useTranslation();
  return (e) => {
    const code = e instanceof ApiError ? e.code : 'NETWORK_ERROR';
    return t(`updateLink.refused.${code}`, { defaultValue: t('updateLink.refused.other') });
  };
}

type DeadEnd = 'UPDATE_LINK_INVALID' | 'UPDATE_LINK_EXPIRED' | 'UPDATE_LINK_REVOKED';
/** A link that opens nothing, by the refusal's code (a token too long for the router is an invalid link too). */
const deadEndOf = (code: string): DeadEnd | null =>
  code === 'UPDATE_LINK_EXPIRED' || code === 'UPDATE_LINK_REVOKED'
    ? code
    : code === 'UPDATE_LINK_INVALID' || code === 'VALIDATION_FAILED'
      ? 'UPDATE_LINK_INVALID'
      : null;

/** /update/:token: the items of one person's update request, for a supplier's contact without an account. */
export function UpdateLinkPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const [language, choose] = useChosenLanguage();
  const link = useUpdateLink(token);
  const toggle = <LanguageToggle language={language} choose={choose} />;

  const which = link.error instanceof ApiError ? deadEndOf(link.error.code) : null;
  if (link.error instanceof ApiError && which) {
    return (
      <>
        <PageTitle page={t(`updateLink.dead.${which}.title`)} />
        {toggle}
        <h1>{t(`updateLink.dead.${which}.title`)}</h1>
        <p>{t(`updateLink.dead.${which}.body`)}</p>
        <p className="muted">{t('updateLink.dead.code', { code: link.error.code })}</p>
      </>
    );
  }
  if (link.error) {
    return (
      <>
        <PageTitle page={t('updateLink.heading')} />
        {toggle}
        <h1>{t('updateLink.heading')}</h1>
        <LoadError title={t('updateLink.loadFailed')} error={link.error} onRetry={() => void link.refetch()} />
      </>
    );
  }
  if (!link.data) {
    return (
      <>
        <PageTitle page={t('common.loading')} />
        {toggle}
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      </>
    );
  }
  const v = link.data;
  const title = t('updateLink.title', { code: v.program.code, name: v.program.name });
  return (
    <>
      <PageTitle page={title} />
      {toggle}
      <h1>{title}</h1>
      <p>{t('updateLink.intro', { name: v.person.name, week: v.week })}</p>
      <p className="muted">{t('updateLink.validUntil', { when: formatInstant(v.expiresAt, v.program.timeZone) })}</p>
      {v.items.length === 0 ? (
        <p>{t('updateLink.noItems')}</p>
      ) : (
        <ul className="update-items">
          {v.items.map((i) => (
            <li key={i.id}>
              <ItemCard token={token} item={i} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type Open = 'none' | 'move' | 'done' | 'evidence';

function ItemCard({ token, item }: { token: string; item: LinkItem }) {
  const { t } = useTranslation();
  const cache = useQueryClient();
  const refusalText = useRefusalText();
  const headId = useId();
  const [open, setOpen] = useState<Open>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const send = async (work: () => Promise<UpdateLink>, said: string) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      cache.setQueryData(updateLinkKey(token), await work());
      setOpen('none');
      setSaved(said);
    } catch (e) {
      setError(refusalText(e));
    } finally {
      setBusy(false);
    }
  };
  const isOpen = item.status === 'open' || item.status === 'rejected' || item.status === 'mitigating';
  const date = item.dueDate ? formatPlainDate(item.dueDate, 'weekday') : t('updateLink.noDate');
  return (
    <article className="update-item" aria-labelledby={headId}>
      <h2 id={headId} className="update-item__title">
        <span className="update-item__key">{itemLabel(item)}</span> {item.title}
      </h2>
      <dl className="facts update-item__facts">
        <div>
          <dt>{t('updateLink.kindLabel')}</dt>
          <dd>{t(`updateLink.kind.${item.kind}`)}</dd>
        </div>
        <div>
          <dt>{t(`updateLink.dateLabel.${item.kind}`)}</dt>
          <dd>{date}</dd>
        </div>
        <div>
          <dt>{t('updateLink.whyLabel')}</dt>
          <dd>{t(`updateLink.why.${item.why}`)}</dd>
        </div>
        <div>
          <dt>{t('updateLink.statusLabel')}</dt>
          <dd>{t(`updateLink.status.${item.status}`, { defaultValue: item.status })}</dd>
        </div>
      </dl>
      {item.isConfirmed && <p className="update-item__confirmed">✓ {t('updateLink.confirmed')}</p>}
      {isOpen && open === 'none' && (
        <div className="row-actions">
          {!item.isConfirmed && (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void send(() => updateLinkApi.confirm(token, item.id), t('updateLink.savedConfirm'))}
            >
              {item.kind === 'milestone' ? t('updateLink.confirmDate') : t('updateLink.confirmItem')}
            </button>
          )}
          {item.canMove && (
            <button type="button" className="button button--small button--secondary" onClick={() => setOpen('move')}>
              {t('updateLink.changeDate')}
            </button>
          )}
          {item.canMarkDone && (
            <button type="button" className="button button--small button--secondary" onClick={() => setOpen('done')}>
              {t('updateLink.markDone')}
            </button>
          )}
          {item.canAddEvidence && (
            <button type="button" className="button button--small button--secondary" onClick={() => setOpen('evidence')}>
              {t('updateLink.addEvidence')}
            </button>
          )}
        </div>
      )}
      {open === 'move' && (
        <MoveForm
          item={item}
          busy={busy}
          onCancel={() => setOpen('none')}
          onSend={(forecastDate, reason) =>
            void send(() => updateLinkApi.move(token, item.id, { forecastDate, reason, version: item.version }), t('updateLink.savedMove'))
          }
        />
      )}
      {open === 'done' && (
        <DoneForm
          busy={busy}
          onCancel={() => setOpen('none')}
          onSend={(note) => void send(() => updateLinkApi.done(token, item.id, { note, version: item.version }), t('updateLink.savedDone'))}
        />
      )}
      {open === 'evidence' && (
        <EvidenceForm
          busy={busy}
          onCancel={() => setOpen('none')}
          onSend={(file, title) => void send(() => updateLinkApi.evidence(token, item.id, file, title), t('updateLink.savedEvidence'))}
        />
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="update-item__saved" role="status">
          {saved}
        </p>
      )}
    </article>
  );
}

interface FormProps<A extends unknown[]> {
  busy: boolean;
  onCancel: () => void;
  onSend: (...args: A) => void;
}

function Buttons({ busy, onCancel, label }: { busy: boolean; onCancel: () => void; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="form__buttons">
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('common.working') : label}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

function MoveForm({ item, busy, onCancel, onSend }: FormProps<[string, string]> & { item: LinkItem }) {
  const { t } = useTranslation();
  const id = useId();
  const [date, setDate] = useState(item.dueDate ?? '');
  const [reason, setReason] = useState('');
  const [fault, setFault] = useState<{ date?: string; reason?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { date: t('updateLink.needDate') }),
      ...(date === item.dueDate ? { date: t('updateLink.sameDate') } : {}),
      ...(reason.trim() ? {} : { reason: t('updateLink.needReason') }),
    };
    setFault(next);
    if (Object.keys(next).length === 0) onSend(date, reason.trim());
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('updateLink.changeDate')}>
      <div className={`field${fault.date ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={`${id}-date`}>
          {t('updateLink.newDate')}
        </label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={Boolean(fault.date)}
          aria-describedby={fault.date ? `${id}-date-error` : undefined}
        />
        {fault.date && (
          <p className="field__error" id={`${id}-date-error`}>
            {fault.date}
          </p>
        )}
      </div>
      <div className={`field${fault.reason ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('updateLink.reason')}
        </label>
        <p className="field__hint" id={`${id}-reason-hint`}>
          {t('updateLink.reasonHint')}
        </p>
        <textarea
          id={`${id}-reason`}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={Boolean(fault.reason)}
          aria-describedby={`${id}-reason-hint${fault.reason ? ` ${id}-reason-error` : ''}`}
        />
        {fault.reason && (
          <p className="field__error" id={`${id}-reason-error`}>
            {fault.reason}
          </p>
        )}
      </div>
      <Buttons busy={busy} onCancel={onCancel} label={t('updateLink.saveDate')} />
    </form>
  );
}

function DoneForm({ busy, onCancel, onSend }: FormProps<[string]>) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [fault, setFault] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return setFault(t('updateLink.needNote'));
    setFault(null);
    onSend(note.trim());
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('updateLink.markDone')}>
      <div className={`field${fault ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={`${id}-note`}>
          {t('updateLink.note')}
        </label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={5000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={Boolean(fault)}
          aria-describedby={fault ? `${id}-note-error` : undefined}
        />
        {fault && (
          <p className="field__error" id={`${id}-note-error`}>
            {fault}
          </p>
        )}
      </div>
      <Buttons busy={busy} onCancel={onCancel} label={t('updateLink.saveDone')} />
    </form>
  );
}

function EvidenceForm({ busy, onCancel, onSend }: FormProps<[File, string]>) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [fault, setFault] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setFault(t('updateLink.needFile'));
    setFault(null);
    onSend(file, title);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('updateLink.addEvidence')}>
      <div className={`field${fault ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('updateLink.file')}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-invalid={Boolean(fault)}
          aria-describedby={fault ? `${id}-file-error` : undefined}
        />
        {fault && (
          <p className="field__error" id={`${id}-file-error`}>
            {fault}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-title`}>
          {t('updateLink.fileTitle')}
        </label>
        <input id={`${id}-title`} type="text" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <Buttons busy={busy} onCancel={onCancel} label={t('updateLink.upload')} />
    </form>
  );
}
