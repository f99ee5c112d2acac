import { Select, Space, Switch, Typography } from 'antd';
import { useId } from 'react';
import { TASK_STATUSES, TASK_TYPES } from '../../api/types';
import { SearchInput } from '../common/SearchInput';
import { taskStatusLabel, taskTypeLabel } from '../common/taskStatus';
import type { TaskListState } from './taskListState';

export interface TaskFiltersProps {
  state: TaskListState;
  onChange: (patch: Partial<TaskListState>) => void;
}

const statusOptions = TASK_STATUSES.map((s) => ({ value: s, label: taskStatusLabel(s) }));
const typeOptions = TASK_TYPES.map((t) => ({ value: t, label: taskTypeLabel(t) }));

export function TaskFilters({ state, onChange }: TaskFiltersProps) {
  const archivedId = useId();
  return (
    <Space wrap size={[8, 8]} role="search" aria-label="Filter tasks">
      <SearchInput
        label="Search tasks"
        value={state.search}
        onSearch={(search) => onChange({ search })}
        style={{ width: 200 }}
      />
      <Select
        mode="multiple"
        aria-label="Status"
        placeholder="Status"
        allowClear
        maxTagCount={1}
        value={state.status}
        options={statusOptions}
        onChange={(status) => onChange({ status })}
        style={{ minWidth: 150 }}
      />
      <Select
        mode="multiple"
        aria-label="Type"
        placeholder="Type"
        allowClear
        maxTagCount={1}
        value={state.type}
        options={typeOptions}
        onChange={(type) => onChange({ type })}
        style={{ minWidth: 130 }}
      />
      <Select
        mode="tags"
        aria-label="Tags"
        placeholder="Tags"
        allowClear
        maxTagCount={1}
        value={state.tag}
        open={false}
        suffixIcon={null}
        onChange={(tag: string[]) => onChange({ tag: tag.map((t) => t.trim()).filter(Boolean) })}
        style={{ minWidth: 130 }}
      />
      <Space size={4}>
        <Switch
          id={archivedId}
          size="small"
          checked={state.archived}
          onChange={(archived) => onChange({ archived })}
        />
        <Typography.Text>
          <label htmlFor={archivedId}>Show archived</label>
        </Typography.Text>
      </Space>
    </Space>
  );
}
