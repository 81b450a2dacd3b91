import { useId } from "react";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * A small grouped bar chart as plain SVG (no chart library is installed, and the desk needs only
 * this). The picture is one image with a title and a description for screen readers; the same
 * numbers are in a table under it (in a disclosure), so nothing is shown by colour or shape alone.
 */
export type BarSeries = { key: string; label: string; color: string };
export type BarGroup = { label: string; shortLabel: string; values: Record<string, number> };

// Geometry in percent of the width (and px of height): the bars stretch with the card while the
// labels keep a readable size on a phone and on a wide screen alike.
const HEIGHT = 160;
const LEFT = 7;
const pct = (value: number) => `${value.toFixed(3)}%`;

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
  const group = (100 - LEFT) / Math.max(groups.length, 1);
  const bar = (group * 0.8) / series.length;
  const scale = (value: number) => (value / max) * (HEIGHT - 20);
  // Label about six groups under the axis: 30 day labels would not fit on a phone.
  const every = Math.max(1, Math.ceil(groups.length / 6));
  return (
    <figure className="space-y-3">
      <ul className="flex flex-wrap gap-4 text-sm text-slate-700" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" rx="2" fill={s.color} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg width="100%" height={HEIGHT + 22} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="block overflow-visible">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={pct(LEFT)} x2="100%" y1={HEIGHT} y2={HEIGHT} stroke="#94a3b8" />
        <text x={pct(LEFT - 1)} y={HEIGHT} textAnchor="end" fontSize="11" fill="#475569">
          0
        </text>
        <text x={pct(LEFT - 1)} y={HEIGHT - scale(max) + 10} textAnchor="end" fontSize="11" fill="#475569">
          {max}
        </text>
        {groups.map((entry, index) => (
          <g key={entry.label}>
            {series.map((s, n) => {
              const value = entry.values[s.key] ?? 0;
              return (
                <rect
                  key={s.key}
                  x={pct(LEFT + index * group + group * 0.1 + n * bar)}
                  y={HEIGHT - scale(value)}
                  width={pct(bar)}
                  height={scale(value)}
                  fill={s.color}
                />
              );
            })}
            {index % every === 0 && (
              <text x={pct(LEFT + index * group + group / 2)} y={HEIGHT + 16} textAnchor="middle" fontSize="11" fill="#475569">
                {entry.shortLabel}
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
