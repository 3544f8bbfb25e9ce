import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dayStates, provisionalGlyph, stateGlyph } from './day-state.js';

/** What each cell's colour and shape mean, always in view beside the grids. */
export function CalendarLegend() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div className="cal-legend">
      <h3 id={headingId} className="cal-legend__title">
        {t('calendar.legend.title')}
      </h3>
      <ul className="cal-legend__list" aria-labelledby={headingId}>
        {dayStates.map((s) => (
          <li key={s} className="cal-legend__item">
            <span className={`cal-swatch cal-day--${s}`} aria-hidden="true">
              {stateGlyph[s]}
            </span>
            <span>
              <span className="cal-legend__word">{t(`calendar.state.${s}`)}</span>
              <span className="cal-legend__hint">{t(`calendar.legend.${s}`)}</span>
            </span>
          </li>
        ))}
        <li className="cal-legend__item">
          <span className="cal-swatch cal-day--holiday cal-day--provisional" aria-hidden="true">
            {stateGlyph.holiday}
            {provisionalGlyph}
          </span>
          <span>
            <span className="cal-legend__word">{t('calendar.state.provisional')}</span>
            <span className="cal-legend__hint">{t('calendar.legend.provisional')}</span>
          </span>
        </li>
        <li className="cal-legend__item">
          <span className="cal-swatch cal-day--working cal-day--today" aria-hidden="true" />
          <span>
            <span className="cal-legend__word">{t('calendar.state.today')}</span>
            <span className="cal-legend__hint">{t('calendar.legend.today')}</span>
          </span>
        </li>
      </ul>
    </div>
  );
}
