"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Points earned and spent per month (Recharts). The picture is one image for screen readers, with
 * the same numbers in a table beside it (PointsChartTable), so nothing depends on seeing the bars.
 */
export type MonthPoints = { month: string; label: string; earned: number; spent: number };

export function PointsChart({ data, labels }: { data: MonthPoints[]; labels: { earned: string; spent: string; title: string } }) {
  return (
    <figure role="img" aria-label={labels.title} className="h-56 w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 12, fill: "#334155" }} width={48} allowDecimals={false} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="earned" name={labels.earned} fill="#1d4ed8" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="spent" name={labels.spent} fill="#b45309" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
