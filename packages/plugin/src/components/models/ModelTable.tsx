import { Button, Table, type TableColumnType, type TableColumnsType, type TableProps } from 'antd';
import { useMemo } from 'react';
import type { Model, ModelSort } from '../../api/types';
import { PlainTags } from '../common/PlainTags';
import { RelativeTime } from '../common/RelativeTime';
import { tableWidth, useVirtualTable } from '../common/VirtualTableBody';

/** Above this many rows only the visible ones are rendered (as in the task table). */
export const MODEL_VIRTUAL_THRESHOLD = 100;

type SortOrder = NonNullable<TableColumnType<Model>['sortOrder']> | null;

export interface ModelTableProps {
  models: Model[];
  loading: boolean;
  width: number;
  /** Scroll height of a virtualized page. */
  height: number;
  sort: ModelSort;
  onSort: (sort: ModelSort | null) => void;
  onOpen: (model: Model) => void;
  /** What the rows are (page, sort, filters): a long page scrolls back to the top on a change. */
  scrollKey?: string;
}

// Plain spans, not antd's Tag: its per-instance style hooks cost every row on each scroll frame.
const published = { color: '#1677ff', background: '#e6f4ff', padding: '0 6px', borderRadius: 4 };
const draft = { color: 'rgba(0,0,0,0.65)', background: 'rgba(0,0,0,0.04)', padding: '0 6px' };

/** The API sort value for what the user clicked (none = the default order). */
export function modelSortFromTable(field: unknown, order: SortOrder | undefined): ModelSort | null {
  if (typeof field !== 'string' || !order) return null;
  return (order === 'ascend' ? field : `-${field}`) as ModelSort;
}

const modelKey = (model: Model) => model.id;

export function ModelTable(props: ModelTableProps) {
  const { models, loading, width, height, sort, onSort, onOpen, scrollKey } = props;
  const narrow = width > 0 && width < 640;
  const virtual = models.length > MODEL_VIRTUAL_THRESHOLD;
  const baseColumns = useMemo(() => {
    // The server sorts (the contract's `sort`): the table only shows which column and direction.
    const sortable = (field: string) => ({
      sorter: true,
      sortOrder: (sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null) as SortOrder,
      sortDirections: ['ascend', 'descend'] as SortOrder[],
    });
    const all: (TableColumnsType<Model>[number] & { wide?: boolean })[] = [
      {
        key: 'name',
        title: 'Name',
        dataIndex: 'name',
        ellipsis: true,
        width: 240,
        ...sortable('name'),
        render: (name: string, model) => (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(model)}>
            {name}
          </Button>
        ),
      },
      {
        key: 'framework',
        title: 'Framework',
        dataIndex: 'framework',
        width: 120,
        ...sortable('framework'),
        render: (f) => f ?? '—',
      },
      {
        key: 'published',
        title: 'State',
        dataIndex: 'published',
        width: 100,
        render: (isPublished: boolean) =>
          isPublished ? <span style={published}>Published</span> : <span style={draft}>Draft</span>,
      },
      {
        key: 'project',
        title: 'Project',
        dataIndex: 'project_name',
        ellipsis: true,
        width: 160,
        wide: true,
      },
      {
        key: 'task',
        title: 'Created by task',
        dataIndex: 'task_name',
        ellipsis: true,
        width: 180,
        wide: true,
      },
      {
        key: 'tags',
        title: 'Tags',
        dataIndex: 'tags',
        width: 160,
        wide: true,
        render: (tags: string[]) => <PlainTags tags={tags} />,
      },
      {
        key: 'last_update',
        title: 'Updated',
        dataIndex: 'last_update',
        width: 130,
        ...sortable('last_update'),
        render: (v: string | null) => <RelativeTime value={v} />,
      },
    ];
    return all.filter((c) => !(narrow && c.wide)).map(({ wide: _wide, ...c }) => c);
  }, [narrow, onOpen, sort]);
  const { columns, components } = useVirtualTable<Model>({
    columns: baseColumns,
    virtual,
    width,
    height,
    rowKey: modelKey,
    scrollKey,
  });
  const scrollX = tableWidth(columns);

  const onChange: TableProps<Model>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    onSort(modelSortFromTable(one?.columnKey, one?.order));
  };

  return (
    <Table<Model>
      aria-label="Models"
      size="small"
      rowKey={modelKey}
      columns={columns}
      dataSource={models}
      loading={loading}
      pagination={false}
      onChange={onChange}
      showSorterTooltip={false}
      components={components}
      scroll={virtual ? { y: height } : { x: scrollX }}
      locale={{ emptyText: ' ' }}
    />
  );
}
