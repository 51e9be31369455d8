import { Bar, BarChart as Chart, ResponsiveContainer, XAxis, YAxis } from 'recharts';

const ink = { fill: '#1a1a1a', fontSize: 13 };

/**
 * Horizontal bars (recharts, SVG), one per row, scaled to the largest value (at least 1), each row's
 * figure in a column on the right: a picture of figures the page also lists in a table, so screen
 * readers get the table and the chart is one labelled image (recharts' keyboard layer is off).
 */
export function BarChart(props: { title: string; rows: { label: string; value: number; text: string }[] }) {
  return (
    <figure className="chart" role="img" aria-label={props.title}>
      <ResponsiveContainer width="100%" height={props.rows.length * 32 + 8}>
        <Chart
          data={props.rows}
          layout="vertical"
          margin={{ top: 4, right: 0, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" hide domain={[0, (largest: number) => Math.max(1, largest)]} />
          <YAxis type="category" dataKey="label" width={220} tickLine={false} axisLine={false} tick={ink} />
          <YAxis
            yAxisId="figures"
            orientation="right"
            type="category"
            dataKey="text"
            width={110}
            tickLine={false}
            axisLine={false}
            tick={{ ...ink, textAnchor: 'start' }}
          />
          <Bar dataKey="value" fill="#0b57a4" barSize={18} isAnimationActive={false} />
        </Chart>
      </ResponsiveContainer>
    </figure>
  );
}
