import { useSearchParams } from 'react-router';

const numberPattern = /^\d+$/;

/**
 * What the Plan page shows, kept in the address so a link or a reload opens the same view:
 * ?baseline=N (the latest when absent) and ?trend=M-1,M-2 (the API's default milestones when absent).
 */
export function usePlanSearch() {
  const [params, setParams] = useSearchParams();
  const rawBaseline = params.get('baseline');
  const baseline = rawBaseline !== null && numberPattern.test(rawBaseline) ? Number(rawBaseline) : null;
  const rawTrend = params.get('trend');
  const trend = rawTrend
    ? rawTrend
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k.length > 0)
    : null;

  const set = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return {
    baseline,
    trend: trend && trend.length > 0 ? trend : null,
    setBaseline: (n: number | null) => set('baseline', n === null ? null : String(n)),
    setTrend: (keys: readonly string[] | null) => set('trend', keys && keys.length > 0 ? keys.join(',') : null),
  };
}
