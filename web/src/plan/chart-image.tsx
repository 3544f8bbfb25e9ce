import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  src: string;
  alt: string;
  /** The drawing's own size, when known, so the page does not jump while it loads. */
  width?: number;
  height?: number;
}

/** A chart drawn by the server as SVG, scaled to the width; says so plainly when it could not be loaded. */
export function ChartImage({ src, alt, width, height }: Props) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === src) {
    return (
      <p className="notice notice--error plan-chart__failed">
        {t('plan.chartFailed')}{' '}
        <button type="button" className="button button--small" onClick={() => setFailed(null)}>
          {t('common.tryAgain')}
        </button>
      </p>
    );
  }
  return (
    <figure className="plan-chart">
      <img src={src} alt={alt} width={width} height={height} decoding="async" onError={() => setFailed(src)} />
    </figure>
  );
}
