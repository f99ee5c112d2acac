import { Table, type TableProps } from 'antd';
import { useCallback, useMemo } from 'react';
import type { TaskSort, TaskSummary } from '../../api/types';
import { tableWidth, useVirtualTable } from '../common/VirtualTableBody';
import { columnSetFor, sortFromTable, taskColumns } from './taskColumns';

/** Above this many rows only the visible ones are rendered. */
export const VIRTUAL_THRESHOLD = 100;

export interface TaskTableProps {
  tasks: TaskSummary[];
  loading: boolean;
  sort: TaskSort;
  onSort: (sort: TaskSort | null) => void;
  width: number;
  height: number;
  taskHref: (task: TaskSummary) => string;
  selectedId?: string | null;
  /** What the rows are (page, sort, filters): a long page scrolls back to the top on a change. */
  scrollKey?: string;
}

const taskKey = (task: TaskSummary) => task.id;

export function TaskTable(props: TaskTableProps) {
  const { tasks, loading, sort, onSort, width, height, taskHref, selectedId, scrollKey } = props;
  const set = columnSetFor(width);
  const virtual = tasks.length > VIRTUAL_THRESHOLD;
  const rowClassName = useCallback(
    (task: TaskSummary) => (task.id === selectedId ? 'ant-table-row-selected' : ''),
    [selectedId],
  );
  const allColumns = useMemo(() => taskColumns({ sort, set, taskHref }), [sort, set, taskHref]);
  const { columns, components } = useVirtualTable<TaskSummary>({
    columns: allColumns,
    virtual,
    width,
    height,
    rowKey: taskKey,
    rowClassName,
    scrollKey,
  });
  const scrollX = tableWidth(columns);

  const onChange: TableProps<TaskSummary>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    onSort(sortFromTable(one?.columnKey, one?.order));
  };

  return (
    <Table<TaskSummary>
      aria-label="Tasks"
      size="small"
      rowKey={taskKey}
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={false}
      onChange={onChange}
      showSorterTooltip={false}
      components={components}
      scroll={virtual ? { y: height } : scrollX ? { x: scrollX } : undefined}
      rowClassName={rowClassName}
      locale={{ emptyText: ' ' }}
    />
  );
}
