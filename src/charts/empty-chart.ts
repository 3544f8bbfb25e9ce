import { fontFamily, ink } from './palette.js';
import { renderSvgChart } from './svg-chart.js';

export const DEFAULT_EMPTY_TEXT = 'No milestones to show';

/** A chart frame with its title and a sentence saying there is nothing to draw. */
export function renderEmptyChart(title: string, text: string, width: number, height: number): string {
  return renderSvgChart({
    width,
    height,
    title,
    description: text,
    option: {
      title: { text: title, left: 16, top: 12, textStyle: { fontSize: 16, fontWeight: 'bold', color: ink.text } },
      graphic: [
        {
          type: 'text',
          left: 'center',
          top: 'middle',
          silent: true,
          style: { text, fill: ink.muted, font: `14px ${fontFamily}` },
        },
      ],
    },
  });
}
