/**
 * Horizontal bars, one per row, scaled to the largest value; an SVG picture of figures the page also
 * lists in a table (so screen readers get the table, the chart is labelled as a whole).
 */
export function BarChart(props: { title: string; rows: { label: string; value: number; text: string }[] }) {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  const rowHeight = 28;
  const labelWidth = 220;
  const width = 640;
  const barSpace = width - labelWidth - 110;
  return (
    <svg
      className="chart"
      role="img"
      aria-label={props.title}
      viewBox={`0 0 ${width} ${props.rows.length * rowHeight + 8}`}
      width="100%"
    >
      {props.rows.map((row, i) => (
        <g key={row.label} transform={`translate(0 ${i * rowHeight + 4})`}>
          <text x={labelWidth - 8} y={18} textAnchor="end" fontSize="13">
            {row.label}
          </text>
          <rect x={labelWidth} y={4} height={18} width={(row.value / max) * barSpace} fill="#0b57a4" />
          <text x={labelWidth + (row.value / max) * barSpace + 6} y={18} fontSize="13">
            {row.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
