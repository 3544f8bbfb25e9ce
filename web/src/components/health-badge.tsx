import { useTranslation } from 'react-i18next';
import { type Health, healthIcon } from '../lib/health.js';

interface Props {
  health: Health;
  /** A program's health follows its worst open milestone; the tooltip says so. */
  scope?: 'milestone' | 'program';
}

/** A health word with its colour and shape, never colour alone; hovering explains the rule. */
export function HealthBadge({ health, scope = 'milestone' }: Props) {
  const { t } = useTranslation();
  const rule = t(`health.rule.${health}`);
  const title = scope === 'program' ? t('health.programTitle', { rule }) : rule;
  return (
    <span className={`health health--${health}`} title={title}>
      <span className="health__icon" aria-hidden="true">
        {healthIcon[health]}
      </span>
      <span className="health__word">{t(`health.${health}`)}</span>
    </span>
  );
}
