interface Props {
  rows: number;
  columns: number;
}

const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Placeholder rows shown while a table loads; the shapes are hidden from assistive technology. */
export function SkeletonRows({ rows, columns }: Props) {
  const columnKeys = keys(columns, 'c');
  return (
    <>
      {keys(rows, 'r').map((rowKey, r) => (
        <tr key={rowKey} className="skeleton-row">
          {columnKeys.map((columnKey, c) => (
            <td key={columnKey}>
              <span className={`skeleton skeleton--w${((r + c) % 3) + 1}`} aria-hidden="true" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
