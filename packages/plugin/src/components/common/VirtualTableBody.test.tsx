import { act, fireEvent, render, screen } from '@testing-library/react';
import { Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fillWidth, useVirtualTable } from './VirtualTableBody';

interface Item {
  id: string;
  name: string;
  size: number;
}

const items: Item[] = Array.from({ length: 500 }, (_, i) => ({
  id: `id-${i}`,
  name: `item ${i}`,
  size: i * 10,
}));
/** jsdom has no layout: rows keep the estimated height (29 px) instead of a measured one. */
const ROW = 29;
const HEIGHT = 290;

function ItemTable(props: {
  data: Item[];
  renderName: (name: string) => string;
  selectedId?: string;
  scrollKey?: string;
}) {
  const { renderName, selectedId, scrollKey } = props;
  const { columns, components } = useVirtualTable<Item>({
    columns: useMemo(
      () => [
        { key: 'name', title: 'Name', dataIndex: 'name', width: 200, render: renderName },
        { key: 'size', title: 'Size', dataIndex: 'size', width: 100, align: 'right' },
      ],
      [renderName],
    ),
    virtual: true,
    // jsdom measures nothing: the body reports 0, so this width is what the columns fill.
    width: 600,
    height: HEIGHT,
    rowKey: (item) => item.id,
    rowClassName: (item) => (item.id === selectedId ? 'ant-table-row-selected' : ''),
    scrollKey,
  });
  return (
    <Table<Item>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={props.data}
      pagination={false}
      components={components}
      scroll={{ y: HEIGHT }}
    />
  );
}

const holder = () => document.querySelector('.ant-table-tbody-virtual-holder') as HTMLElement;
const shownNames = () =>
  [...document.querySelectorAll('.ant-table-row')].map((row) => row.firstChild?.textContent);

function scrollTo(top: number) {
  act(() => {
    holder().scrollTop = top;
    fireEvent.scroll(holder());
  });
}

describe('fillWidth', () => {
  const columns: TableColumnsType<Item> = [
    { key: 'name', width: 200 },
    { key: 'size', width: 100 },
    { key: 'other' },
  ];

  it('gives the first column what the others leave, so the widths add up to the space', () => {
    const filled = fillWidth(columns, 1000);
    // The column without a width gets 120: the header hides itself while a width is missing.
    expect(filled.map((c) => c.width)).toEqual([780, 100, 120]);
  });

  it('never makes the first column narrower than its own width (the body scrolls sideways)', () => {
    expect(fillWidth(columns, 300).map((c) => c.width)).toEqual([200, 100, 120]);
    expect(fillWidth(columns, 0)[0]?.width).toBe(200);
  });
});

describe('useVirtualBody', () => {
  it('renders only the rows in view and a few beyond, in antd virtual table markup', () => {
    render(<ItemTable data={items} renderName={(n) => n} />);
    const names = shownNames();
    expect(names[0]).toBe('item 0');
    // 290 px of 29 px rows: 10 in view, 1 partly, 8 beyond the bottom edge.
    expect(names).toHaveLength(19);
    expect(document.querySelector('.ant-table-tbody-virtual.ant-table-tbody')).not.toBeNull();
    expect(holder().firstElementChild).toHaveStyle({ height: `${500 * ROW}px` });
    expect(screen.getByText('item 3').parentElement).toHaveStyle({ top: `${3 * ROW}px` });
  });

  it('follows the scroll, keeping a few rows above the view', () => {
    render(<ItemTable data={items} renderName={(n) => n} />);
    scrollTo(100 * ROW + 5);
    const names = shownNames();
    expect(names[0]).toBe('item 92');
    expect(names).toContain('item 100');
    expect(names.at(-1)).toBe('item 118');
    scrollTo(495 * ROW);
    expect(shownNames().at(-1)).toBe('item 499');
  });

  it('renders a cell only when its row comes into view, not again on every scroll', () => {
    const renderName = vi.fn((name: string) => name);
    render(<ItemTable data={items} renderName={renderName} />);
    renderName.mockClear();
    // Within the same top row: nothing to render.
    scrollTo(10);
    expect(renderName).not.toHaveBeenCalled();
    // One row further: only the one row that came into view.
    scrollTo(ROW + 3);
    expect(renderName.mock.calls.map(([name]) => name)).toEqual(['item 19']);
  });

  it('goes back to the top for other rows (scroll key), not for a refresh of the same ones', () => {
    const renderName = (n: string) => n;
    const { rerender } = render(<ItemTable data={items} renderName={renderName} scrollKey="p1" />);
    scrollTo(400 * ROW);
    // A refresh: new objects, same page.
    rerender(
      <ItemTable data={items.map((i) => ({ ...i }))} renderName={renderName} scrollKey="p1" />,
    );
    expect(holder().scrollTop).toBe(400 * ROW);
    expect(shownNames()[0]).toBe('item 392');
    const page2 = items.map((i) => ({ ...i, id: `p2-${i.id}`, name: `page 2 ${i.name}` }));
    rerender(<ItemTable data={page2} renderName={renderName} scrollKey="p2" />);
    expect(holder().scrollTop).toBe(0);
    expect(shownNames()[0]).toBe('page 2 item 0');
  });

  it('marks the selected row and the hovered row with antd classes', () => {
    render(<ItemTable data={items} renderName={(n) => n} selectedId="id-2" />);
    const row = screen.getByText('item 2').closest('.ant-table-row') as HTMLElement;
    expect(row).toHaveClass('ant-table-row-selected');
    expect(screen.getByText('item 1').closest('.ant-table-row')).not.toHaveClass(
      'ant-table-row-selected',
    );
    fireEvent.mouseEnter(row);
    expect(row.firstElementChild).toHaveClass('ant-table-cell-row-hover');
    fireEvent.mouseLeave(row);
    expect(row.firstElementChild).not.toHaveClass('ant-table-cell-row-hover');
  });

  it('gives cells their column widths and alignment', () => {
    render(<ItemTable data={items} renderName={(n) => n} />);
    const cells = screen.getByText('item 0').closest('.ant-table-row')!.children;
    expect(cells[0]).toHaveStyle({ width: '500px' });
    expect(cells[1]).toHaveStyle({ width: '100px', textAlign: 'right' });
    expect(cells[1]).toHaveTextContent('0');
  });
});
