import { useId } from "react";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * A small grouped bar chart as plain SVG (no chart library is installed, and the desk needs only
 * this). The picture is one image with a title and a description for screen readers; the same
 * numbers are in a table under it (in a disclosure), so nothing is shown by colour or shape alone.
 */
export type BarSeries = { key: string; label: string; color: string };
export type BarGroup = { label: string; shortLabel: string; values: Record<string, number> };

const HEIGHT = 160;
const AXIS = 28;
const GROUP = 20;

export function BarChart({
  title,
  description,
  series,
  groups,
  tableLabel,
  categoryHeader,
}: {
  title: string;
  description: string;
  series: readonly BarSeries[];
  groups: readonly BarGroup[];
  /** The disclosure's label ("Show the numbers"). */
  tableLabel: string;
  /** Header of the first table column (e.g. "Day"). */
  categoryHeader: string;
}) {
  const id = useId();
  const max = Math.max(1, ...groups.flatMap((group) => series.map((s) => group.values[s.key] ?? 0)));
  const width = groups.length * GROUP + AXIS;
  const bar = (GROUP - 4) / series.length;
  const scale = (value: number) => (value / max) * (HEIGHT - 20);
  // Label every 5th group under the axis: 30 day labels would not fit.
  const every = Math.max(1, Math.ceil(groups.length / 6));
  return (
    <figure className="space-y-3">
      <ul className="flex flex-wrap gap-4 text-sm text-slate-700" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${width} ${HEIGHT + 20}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={AXIS} x2={width} y1={HEIGHT} y2={HEIGHT} stroke="#94a3b8" />
        <text x={AXIS - 4} y={HEIGHT} textAnchor="end" fontSize="9" fill="#475569">
          0
        </text>
        <text x={AXIS - 4} y={HEIGHT - scale(max) + 8} textAnchor="end" fontSize="9" fill="#475569">
          {max}
        </text>
        {groups.map((group, index) => (
          <g key={group.label}>
            {series.map((s, n) => {
              const value = group.values[s.key] ?? 0;
              return (
                <rect
                  key={s.key}
                  x={AXIS + index * GROUP + 2 + n * bar}
                  y={HEIGHT - scale(value)}
                  width={bar - 1}
                  height={scale(value)}
                  fill={s.color}
                />
              );
            })}
            {index % every === 0 && (
              <text x={AXIS + index * GROUP + GROUP / 2} y={HEIGHT + 14} textAnchor="middle" fontSize="9" fill="#475569">
                {group.shortLabel}
              </text>
            )}
          </g>
        ))}
      </svg>
      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand-700 underline">{tableLabel}</summary>
        <TableScroll label={title} className="mt-2 max-h-80">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {categoryHeader}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="px-3 py-2 text-right font-medium">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.label} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-1 font-normal whitespace-nowrap">
                    {group.label}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="px-3 py-1 text-right tabular-nums">
                      {group.values[s.key] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
