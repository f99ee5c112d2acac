import type { TableColumnType, TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { TaskSort, TaskSummary } from '../../api/types';
import { PlainTags } from '../common/PlainTags';
import { RelativeTime } from '../common/RelativeTime';
import { TaskStatusBadge } from '../common/TaskStatusBadge';
import { taskTypeLabel } from '../common/taskStatus';

type ColumnsType<T> = TableColumnsType<T>;
type SortOrder = NonNullable<TableColumnType<TaskSummary>['sortOrder']> | null;

export type ColumnSet = 'narrow' | 'medium' | 'wide';

export function columnSetFor(width: number): ColumnSet {
  if (width > 0 && width < 640) return 'narrow';
  if (width > 0 && width < 960) return 'medium';
  return 'wide';
}

function sortOrder(sort: TaskSort, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export interface TaskColumnOptions {
  sort: TaskSort;
  set: ColumnSet;
  taskHref: (task: TaskSummary) => string;
}

export function taskColumns({ sort, set, taskHref }: TaskColumnOptions): ColumnsType<TaskSummary> {
  const sortable = (field: string) => ({
    key: field,
    sorter: true,
    sortOrder: sortOrder(sort, field),
    sortDirections: ['ascend', 'descend'] as SortOrder[],
  });
  const columns: (ColumnsType<TaskSummary>[number] & { sets: ColumnSet[] })[] = [
    {
      ...sortable('name'),
      title: 'Name',
      dataIndex: 'name',
      // In a narrow panel the name takes whatever the fixed columns leave.
      width: set === 'narrow' ? undefined : 300,
      ellipsis: true,
      sets: ['narrow', 'medium', 'wide'],
      render: (name: string, task) => (
        <Link to={taskHref(task)} title={name}>
          {name}
        </Link>
      ),
    },
    {
      ...sortable('status'),
      title: 'Status',
      dataIndex: 'status',
      width: set === 'narrow' ? 100 : 110,
      sets: ['narrow', 'medium', 'wide'],
      render: (status: string) => <TaskStatusBadge status={status} />,
    },
    {
      ...sortable('type'),
      title: 'Type',
      dataIndex: 'type',
      width: 120,
      sets: ['medium', 'wide'],
      render: (type: string) => taskTypeLabel(type),
    },
    {
      ...sortable('user'),
      title: 'User',
      dataIndex: 'user',
      width: 140,
      ellipsis: true,
      sets: ['medium', 'wide'],
      render: (user: TaskSummary['user']) => user?.name ?? user?.id ?? '—',
    },
    {
      ...sortable('last_update'),
      title: 'Updated',
      dataIndex: 'last_update',
      width: set === 'narrow' ? 96 : 120,
      sets: ['narrow', 'medium', 'wide'],
      render: (value: string | null) => <RelativeTime value={value} />,
    },
    {
      ...sortable('last_iteration'),
      title: 'Iteration',
      dataIndex: 'last_iteration',
      width: 90,
      align: 'right',
      sets: ['medium', 'wide'],
      render: (value: number | null) => value ?? '—',
    },
    {
      key: 'tags',
      title: 'Tags',
      dataIndex: 'tags',
      width: 220,
      sets: ['wide'],
      render: (tags: string[]) => <PlainTags tags={tags} />,
    },
  ];
  return columns.filter((c) => c.sets.includes(set)).map(({ sets: _sets, ...column }) => column);
}

/** The API sort value for what the user clicked (none = the default order). */
export function sortFromTable(field: unknown, order: SortOrder | undefined): TaskSort | null {
  if (typeof field !== 'string' || !order) return null;
  return (order === 'ascend' ? field : `-${field}`) as TaskSort;
}
