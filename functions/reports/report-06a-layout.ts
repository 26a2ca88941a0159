import type { ReportBy } from '#domain/stats/report-06a';

/**
 * The column headings of "Biểu II.06a" as a tree: a group spans its children, a leaf is one
 * column. Leaves are in the order of `figureColumns` (functions/domain/stats/report-06a.ts).
 */
export interface HeaderNode {
  readonly label: string;
  readonly children?: readonly HeaderNode[];
}

export const FIGURE_HEADER: readonly HeaderNode[] = [
  {
    label: 'Số hồ sơ nhận giải quyết',
    children: [
      { label: 'Tổng số' },
      {
        label: 'Trong kỳ',
        children: [{ label: 'Trực tuyến' }, { label: 'Trực tiếp và dịch vụ bưu chính' }],
      },
      { label: 'Từ kỳ trước chuyển qua' },
    ],
  },
  {
    label: 'Số hồ sơ đã giải quyết',
    children: [{ label: 'Tổng số' }, { label: 'Trước hạn' }, { label: 'Đúng hạn' }, { label: 'Quá hạn' }],
  },
  {
    label: 'Số hồ sơ đang giải quyết',
    children: [{ label: 'Tổng số' }, { label: 'Trong hạn' }, { label: 'Quá hạn' }],
  },
  { label: 'Từ chối' },
  { label: 'Rút hồ sơ' },
];

export const REPORT_06A_TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const REPORT_06A_FORM = 'Biểu II.06a';
export const SERIAL_HEADER = 'STT';
export const TOTAL_LABEL = 'Tổng cộng';

/** The heading of the name column: what a row is. */
export const NAME_HEADER: Readonly<Record<ReportBy, string>> = {
  unit: 'Đơn vị',
  field: 'Lĩnh vực',
  procedure: 'Thủ tục hành chính',
};

/** The labels from the top group down to each leaf column. */
export function leafPaths(nodes: readonly HeaderNode[] = FIGURE_HEADER): string[][] {
  return nodes.flatMap((node) =>
    node.children ? leafPaths(node.children).map((path) => [node.label, ...path]) : [[node.label]],
  );
}

/** Levels of the header: 3 for II.06a (group, sub-group, column). */
export function headerDepth(nodes: readonly HeaderNode[] = FIGURE_HEADER): number {
  return Math.max(...nodes.map((n) => 1 + (n.children ? headerDepth(n.children) : 0)));
}

/** `2026-03-31` → `31/03/2026`, as Vietnamese forms write dates. */
export function vietnameseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The period line of the form: `Từ ngày 01/01/2026 đến ngày 31/03/2026`. */
export function periodLine(from: string, to: string): string {
  return `Từ ngày ${vietnameseDate(from)} đến ngày ${vietnameseDate(to)}`;
}

/** What the writers need besides the figures. */
export interface Report06aMeta {
  readonly by: ReportBy;
  /** The Vietnamese name of the unit reported on (`Quận Hải Châu`). */
  readonly unitName: string;
  readonly from: string;
  readonly to: string;
  readonly generatedAt: Date;
}
