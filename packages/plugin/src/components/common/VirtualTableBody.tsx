// The body of a long antd table, rendered row by row as it scrolls into view.
//
// Why not antd's own `virtual`: in the antd CVAT ships (5.17, rc-virtual-list 3.19), every
// scroll event renders every visible row again (the list hands each row a new `style` object,
// which defeats the rows' memo): ~200 cells re-rendered per frame at 500 rows, and frames of
// 33 ms while scrolling. Here every row has the height of one line of text (measured once, so
// it follows the host's theme), the list re-renders only when another row reaches the top,
// and a row re-renders only when it is new or its data changed. The markup and class names
// are antd's own virtual body's, so antd's table styles (size, borders, hover, selection)
// apply as they are.
import type { TableColumnsType, TableProps } from 'antd';
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
  type UIEvent,
} from 'react';

/** Until measured (and in jsdom): antd's small row, a 20 px line, 4 px padding, 1 px border. */
const ESTIMATED_ROW_HEIGHT = 29;
/** Rows kept rendered beyond each edge of the view, so a fast scroll shows no blank band. */
const OVERSCAN = 8;

type BodyRender<T> = Extract<
  NonNullable<NonNullable<TableProps<T>['components']>['body']>,
  (...args: never[]) => unknown
>;
type BodyInfo<T> = Parameters<BodyRender<T>>[1];

interface Cell<T> {
  key: string;
  width: number;
  className: string;
  align?: NonNullable<TableColumnsType<T>[number]['align']>;
  render: (record: T, index: number) => ReactNode;
}

/** A column's width in px; one without a width counts as 120. */
const widthOf = <T,>(column: TableColumnsType<T>[number]) => Number(column.width) || 120;

/** The columns' total width, counted as `fillWidth` counts them (a table's sideways scroll). */
export const tableWidth = <T,>(columns: TableColumnsType<T>) =>
  columns.reduce((sum, c) => sum + widthOf(c), 0);

/**
 * Columns with numeric widths that fill `available` px: the first column takes what the others
 * leave (at least its own width; a column without one counts as 120). The header is a
 * fixed-layout table that spreads spare width over every column, and hides itself while a
 * column has no width, so the widths must be numbers that add up for the body's cells to line
 * up under it.
 */
export function fillWidth<T>(columns: TableColumnsType<T>, available: number): TableColumnsType<T> {
  const others = tableWidth(columns.slice(1));
  return columns.map((c, i) => ({
    ...c,
    width: i === 0 ? Math.max(widthOf(c), Math.floor(available - others)) : widthOf(c),
  }));
}

function cellsOf<T>(columns: TableColumnsType<T>, scrollbarSize: number): Cell<T>[] {
  return columns.map((column, i) => {
    const dataIndex = 'dataIndex' in column ? column.dataIndex : undefined;
    const width = widthOf(column);
    return {
      key: String(column.key ?? dataIndex ?? i),
      // As rc-table does for the header: the last column gives up the scrollbar's width.
      width: i === columns.length - 1 ? width - scrollbarSize : width,
      className: column.ellipsis ? 'ant-table-cell ant-table-cell-ellipsis' : 'ant-table-cell',
      align: column.align,
      render: (record, index) => {
        const value =
          typeof dataIndex === 'string'
            ? (record as Record<string, unknown>)[dataIndex]
            : undefined;
        return column.render
          ? (column.render(value, record, index) as ReactNode)
          : (value as ReactNode);
      },
    };
  });
}

interface RowProps<T> {
  record: T;
  index: number;
  cells: Cell<T>[];
  width: number;
  height: number;
  className: string;
}

function RowOf<T>({ record, index, cells, width, height, className }: RowProps<T>) {
  // antd marks the hovered row's cells with a class rather than CSS :hover; so does this row.
  const [hover, setHover] = useState(false);
  const hovered = hover ? ' ant-table-cell-row-hover' : '';
  return (
    <div
      className={`ant-table-row ant-table-row-level-0${className ? ` ${className}` : ''}`}
      style={{ position: 'absolute', top: index * height, height, width }}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
    >
      {cells.map((cell) => (
        <div
          key={cell.key}
          className={cell.className + hovered}
          style={{ width: cell.width, flex: 'none', overflow: 'hidden', textAlign: cell.align }}
        >
          {cell.render(record, index)}
        </div>
      ))}
    </div>
  );
}

const Row = memo(RowOf) as typeof RowOf;

interface BodyProps<T> {
  data: readonly T[];
  info: BodyInfo<T>;
  /** The table's columns, with the widths the header uses (see fillWidth). */
  columns: TableColumnsType<T>;
  /** Height of the scrolling body. */
  height: number;
  rowKey: (record: T) => string;
  rowClassName?: (record: T) => string;
  /** The body's outer width (scrollbar included), when it changes: what the columns fill. */
  onWidth: (width: number) => void;
  /** What the rows are (page, sort, filters): back to the top when it changes, not on a refresh. */
  scrollKey?: string;
}

function assignRef<V>(ref: Ref<V> | undefined, value: V) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: V }).current = value;
}

function VirtualBody<T>(props: BodyProps<T>) {
  const { data, info, columns, height, rowKey, rowClassName, onWidth, scrollKey } = props;
  const [first, setFirst] = useState(0);
  const [rowHeight, setRowHeight] = useState(ESTIMATED_ROW_HEIGHT);
  const holder = useRef<HTMLDivElement | null>(null);
  const probe = useRef<HTMLDivElement | null>(null);
  const scrollLeft = useRef(0);
  const cells = useMemo(() => cellsOf(columns, info.scrollbarSize), [columns, info.scrollbarSize]);
  const width = cells.reduce((sum, c) => sum + c.width, 0);

  // rc-table moves the header with the body through this element (its scrollLeft).
  const setHolder = useCallback(
    (element: HTMLDivElement | null) => {
      holder.current = element;
      assignRef(info.ref as Ref<HTMLDivElement | null>, element);
    },
    [info.ref],
  );

  // A cell of one line, styled by antd like the others, measured before the first paint.
  useLayoutEffect(() => {
    const measured = probe.current?.offsetHeight;
    if (measured) setRowHeight(measured);
  }, []);

  useLayoutEffect(() => {
    const element = holder.current;
    if (!element) return undefined;
    onWidth(element.offsetWidth);
    const observer = new ResizeObserver(() => onWidth(element.offsetWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [onWidth]);

  // Page 2 starts at its first row, even when page 1 was left scrolled to its last.
  useLayoutEffect(() => {
    if (holder.current) holder.current.scrollTop = 0;
    setFirst(0);
  }, [scrollKey]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    // A state change only when another row reaches the top: most scroll events render nothing.
    setFirst(Math.floor(element.scrollTop / rowHeight));
    if (element.scrollLeft !== scrollLeft.current) {
      scrollLeft.current = element.scrollLeft;
      info.onScroll({ currentTarget: element });
    }
  };

  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(data.length, first + Math.ceil(height / rowHeight) + 1 + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const record = data[index] as T;
    rows.push(
      <Row
        key={rowKey(record)}
        record={record}
        index={index}
        cells={cells}
        width={width}
        height={rowHeight}
        className={rowClassName?.(record) ?? ''}
      />,
    );
  }

  return (
    <div className="ant-table-tbody-virtual ant-table-tbody">
      <div
        ref={setHolder}
        className="ant-table-tbody-virtual-holder"
        style={{ height, overflowY: 'scroll', overflowX: 'auto', position: 'relative' }}
        onScroll={onScroll}
      >
        <div
          className="ant-table-tbody-virtual-holder-inner"
          style={{ position: 'relative', height: data.length * rowHeight, width }}
        >
          <div
            ref={probe}
            aria-hidden
            className="ant-table-cell"
            style={{ position: 'absolute', visibility: 'hidden', pointerEvents: 'none' }}
          >
            0
          </div>
          {rows}
        </div>
      </div>
    </div>
  );
}

export interface VirtualTableOptions<T> extends Pick<
  BodyProps<T>,
  'columns' | 'height' | 'rowKey' | 'rowClassName' | 'scrollKey'
> {
  /** Render only the rows in view (a long page); otherwise the table is left as it is. */
  virtual: boolean;
  /** The table's width as the page measures it: the columns fill it until the body says. */
  width: number;
}

/**
 * The columns and `components` to give an antd Table (with `scroll={{ y: height }}` when
 * virtual). Virtual, every column gets a numeric width and the first fills the body's width.
 */
export function useVirtualTable<T>(options: VirtualTableOptions<T>) {
  const { columns, virtual, width, height, rowKey, rowClassName, scrollKey } = options;
  // The body reports its own width once mounted; until then the page's figure is the estimate.
  const [bodyWidth, setBodyWidth] = useState(0);
  const filled = useMemo(
    () => (virtual ? fillWidth(columns, bodyWidth || width) : columns),
    [columns, virtual, bodyWidth, width],
  );
  const components = useMemo(() => {
    const body: BodyRender<T> = (data, info) => (
      <VirtualBody<T>
        data={data}
        info={info}
        columns={filled}
        height={height}
        rowKey={rowKey}
        rowClassName={rowClassName}
        onWidth={setBodyWidth}
        scrollKey={scrollKey}
      />
    );
    return { body };
  }, [filled, height, rowKey, rowClassName, scrollKey]);
  return { columns: filled, components: virtual ? components : undefined };
}
