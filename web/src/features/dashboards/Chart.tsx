import {
  BarController,
  BarElement,
  CategoryScale,
  type ChartConfiguration,
  Chart as ChartJs,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what the dashboards draw, so the chunk carries no other chart type.
ChartJs.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);
ChartJs.defaults.font.family = '"Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
ChartJs.defaults.color = '#1b2430';

/** Okabe–Ito colours: told apart with every common colour-vision deficiency. */
export const COLORS = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#1b2430',
} as const;

export interface Series {
  readonly label: string;
  readonly data: readonly (number | null)[];
  readonly color: string;
  /** A line is drawn dashed over the bars, on the right-hand percentage axis when `rate`. */
  readonly kind?: 'bar' | 'line';
  readonly rate?: boolean;
}

export interface ChartProps {
  /** The accessible name: what the picture shows and its main figures (the table has the rest). */
  readonly label: string;
  readonly labels: readonly string[];
  readonly series: readonly Series[];
  /** How values read in tooltips and on the axis (counts, minutes). */
  readonly format: (n: number) => string;
  /** How rates (0–1) read, for `rate` series. */
  readonly formatRate?: (n: number) => string;
  readonly horizontal?: boolean;
  readonly stacked?: boolean;
  /** Clicking a bar picks its category (drill-down); the table offers the same by keyboard. */
  readonly onSelect?: (index: number) => void;
  readonly height?: number;
  /** The value axis's end, when the figures have a natural one (100 %). */
  readonly max?: number;
}

/** A chart.js chart on a canvas, created on mount and rebuilt when its data change. */
export function Chart(props: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const key = JSON.stringify([props.labels, props.series, props.horizontal, props.stacked, props.max]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is rebuilt when its data (key) change
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new ChartJs(canvas.current, configOf(latest));
    return () => chart.destroy();
  }, [key]);

  return (
    <div className="chart" style={{ height: props.height ?? 260 }}>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}

function configOf(latest: { current: ChartProps }): ChartConfiguration<'bar' | 'line'> {
  const { labels, series, horizontal, stacked, onSelect, max } = latest.current;
  const hasRate = series.some((s) => s.rate);
  const valueAxis = horizontal ? 'x' : 'y';
  const show = (value: number, rate: boolean | undefined) =>
    rate ? (latest.current.formatRate ?? String)(value) : latest.current.format(value);
  return {
    type: 'bar',
    data: {
      labels: [...labels],
      datasets: series.map((s) => ({
        type: s.kind ?? 'bar',
        label: s.label,
        data: [...s.data],
        backgroundColor: s.color,
        borderColor: s.color,
        ...(s.kind === 'line' ? { borderDash: [6, 4], borderWidth: 2, pointRadius: 3, fill: false } : {}),
        ...(s.rate ? { yAxisID: 'rate' } : {}),
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: series.length > 1, position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => {
              const raw = horizontal ? item.parsed.x : item.parsed.y;
              const s = series[item.datasetIndex];
              return `${item.dataset.label ?? ''}: ${raw === null ? '—' : show(raw, s?.rate)}`;
            },
          },
        },
      },
      scales: {
        [horizontal ? 'y' : 'x']: { stacked: !!stacked, grid: { display: false } },
        [valueAxis]: {
          stacked: !!stacked,
          beginAtZero: true,
          ...(max === undefined ? {} : { max }),
          ticks: { precision: 0, callback: (v) => latest.current.format(Number(v)) },
        },
        ...(hasRate
          ? {
              rate: {
                position: 'right',
                min: 0,
                max: 1,
                grid: { drawOnChartArea: false },
                ticks: { callback: (v) => (latest.current.formatRate ?? String)(Number(v)) },
              },
            }
          : {}),
      },
      ...(onSelect
        ? {
            onClick: (_event, elements) => {
              const first = elements[0];
              if (first) latest.current.onSelect?.(first.index);
            },
            onHover: (event, elements) => {
              const target = event.native?.target;
              if (target instanceof HTMLElement)
                target.style.cursor = elements.length ? 'pointer' : 'default';
            },
          }
        : {}),
    },
  };
}
