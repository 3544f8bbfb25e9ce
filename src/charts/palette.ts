/** Colours of the charts: every colour that carries meaning reaches WCAG AA (4.5:1) against white. */
export const seriesColors: readonly string[] = [
  '#1f5fa8', // blue
  '#b45309', // orange
  '#15803d', // green
  '#b91c1c', // red
  '#6d28d9', // violet
  '#0f766e', // teal
  '#a21caf', // magenta
  '#854d0e', // brown
  '#475569', // slate
  '#4d7c0f', // olive
  '#0369a1', // sky
  '#be185d', // pink
];

export const healthColors = {
  on_track: '#15803d',
  at_risk: '#b45309',
  late: '#b91c1c',
  done: '#5f6b76',
} as const;

export const ink = {
  text: '#1f2937',
  muted: '#4b5563',
  axis: '#9ca3af',
  grid: '#e5e7eb',
  background: '#ffffff',
  baseline: '#4b5563',
  actual: '#1f2937',
  today: '#1d4ed8',
  link: '#6b7280',
  linkCritical: '#334155',
} as const;

/** Fills that only tint an area behind the marks; they carry no meaning on their own. */
export const tints = {
  slip: '#f7d4d1',
  gain: '#cfe9d6',
  criticalBand: '#eef2f8',
  criticalBorder: '#64748b',
} as const;

export const fontFamily = 'Helvetica, Arial, sans-serif';
