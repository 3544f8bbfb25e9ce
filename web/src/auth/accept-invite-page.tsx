import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { ApiError } from '../lib/api.js';
import { useInvite } from '../lib/queries.js';
import { AcceptInviteForm } from './accept-invite-form.js';
import { InvalidLink } from './invalid-link.js';

/** /invite/:token and /setup/:token: greet the person, let them choose a password, sign them in. */
export function AcceptInvitePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const invite = useInvite(token);

  if (invite.error instanceof ApiError && (invite.error.code === 'INVITE_INVALID' || invite.error.code === 'VALIDATION_FAILED'))
    return <InvalidLink />;
  if (invite.error) {
    return (
      <>
        <PageTitle page={t('invite.title')} />
        <h1>{t('invite.title')}</h1>
        <LoadError title={t('invite.loadFailed')} error={invite.error} onRetry={() => void invite.refetch()} />
      </>
    );
  }
  if (!invite.data) {
    return (
      <>
        <PageTitle page={t('common.loading')} />
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      </>
    );
  }
  const info = invite.data;
  const setup = info.purpose === 'setup';
  const heading = setup ? t('invite.setupTitle') : info.name ? t('invite.welcome', { name: info.name }) : t('invite.title');
  return (
    <>
      <PageTitle page={setup ? t('invite.setupTitle') : t('invite.title')} />
      <h1>{heading}</h1>
      <p>{setup ? t('invite.setupIntro') : t('invite.intro', { email: info.email ?? '' })}</p>
      <AcceptInviteForm token={token} info={info} />
    </>
  );
}
