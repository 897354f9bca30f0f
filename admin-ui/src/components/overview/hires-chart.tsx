import type { OverviewResponse } from '../../../../src/contract/overview';
import { monthLabel } from '../time';

const WIDTH = 480;
const HEIGHT = 180;
const AXIS = 22;

/**
 * Hires per month as bars, with the same numbers in a table beside it: the chart is one image to
 * assistive technology (its label sums it up), and the table is what a screen reader reads row by row.
 */
export function HiresChart({ months }: { readonly months: OverviewResponse['hiresPerMonth'] }) {
  const max = Math.max(1, ...months.map((m) => m.count));
  const total = months.reduce((sum, m) => sum + m.count, 0);
  const busiest = months.reduce<(typeof months)[number] | undefined>(
    (best, m) => (best === undefined || m.count > best.count ? m : best),
    undefined,
  );
  const slot = WIDTH / Math.max(1, months.length);
  const summary =
    total === 0
      ? 'No hires in the last 12 months.'
      : `${String(total)} hires in the last 12 months; the most in ${monthLabel(busiest?.month ?? '')} (${String(busiest?.count ?? 0)}).`;
  return (
    <div className="overview-chart">
      <figure>
        <svg
          viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT + AXIS)}`}
          role="img"
          aria-labelledby="hires-chart-summary"
          focusable="false"
        >
          <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="overview-axis" />
          {months.map((m, i) => {
            const h = Math.round((m.count / max) * (HEIGHT - 20));
            const x = i * slot + slot * 0.15;
            return (
              <g key={m.month}>
                <rect x={x} y={HEIGHT - h} width={slot * 0.7} height={h} className="overview-bar" />
                {m.count > 0 && (
                  <text
                    x={x + slot * 0.35}
                    y={HEIGHT - h - 4}
                    textAnchor="middle"
                    className="overview-bar-value"
                  >
                    {m.count}
                  </text>
                )}
                <text x={x + slot * 0.35} y={HEIGHT + 16} textAnchor="middle" className="overview-bar-label">
                  {m.month.slice(5)}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption id="hires-chart-summary">{summary}</figcaption>
      </figure>
      <table className="overview-month-table">
        <caption>Hires per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Hires</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">
                <time dateTime={m.month} title={m.month}>
                  {monthLabel(m.month)}
                </time>
              </th>
              <td data-label="Hires">{m.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
