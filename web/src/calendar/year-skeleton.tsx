const months = Array.from({ length: 12 }, (_, i) => `m${i}`);

/** Twelve grey month shapes while the year loads; hidden from assistive technology. */
export function YearSkeleton() {
  return (
    <div className="cal-year" aria-hidden="true">
      {months.map((k) => (
        <span key={k} className="skeleton cal-skeleton-month" />
      ))}
    </div>
  );
}
