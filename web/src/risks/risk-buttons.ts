import { useTranslation } from 'react-i18next';
import type { Risk } from '../lib/records-api.js';
import type { RowButton } from '../records/row-buttons.js';
import type { RiskRights } from './risk-rights.js';

export type RiskAction = 'update' | 'close' | 'realize';

/** Update, Close and Realize, as the person's rights on the risk allow. */
export function useRiskButtons() {
  const { t } = useTranslation();
  return (r: Risk, rights: RiskRights): RowButton<RiskAction>[] => {
    const key = r.key;
    const out: RowButton<RiskAction>[] = [];
    if (rights.update) out.push({ action: 'update', text: t('risks.update'), label: t('risks.updateLabel', { key }) });
    if (rights.end) {
      out.push({ action: 'close', text: t('risks.close'), label: t('risks.closeLabel', { key }) });
      out.push({ action: 'realize', text: t('risks.realize'), label: t('risks.realizeLabel', { key }) });
    }
    return out;
  };
}
