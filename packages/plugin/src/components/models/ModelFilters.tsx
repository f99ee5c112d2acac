import { Select, Space } from 'antd';
import { useProjects } from '../../api/projectsQuery';
import { useFrameworks } from '../../api/useModels';
import { SearchInput } from '../common/SearchInput';
import type { ModelListState } from './modelListState';

export interface ModelFiltersProps {
  state: ModelListState;
  onChange: (patch: Partial<ModelListState>) => void;
}

export function ModelFilters({ state, onChange }: ModelFiltersProps) {
  const frameworks = useFrameworks();
  const projects = useProjects({ page_size: 500 });
  return (
    <Space wrap size={[8, 8]} role="search" aria-label="Filter models">
      <SearchInput
        label="Search models"
        value={state.search}
        onSearch={(search) => onChange({ search })}
        style={{ width: 200 }}
      />
      <Select
        aria-label="Project"
        placeholder="Project"
        allowClear
        showSearch
        value={state.project || undefined}
        loading={projects.isPending}
        options={projects.data?.items.map((p) => ({ value: p.name, label: p.name }))}
        onChange={(project?: string) => onChange({ project: project ?? '' })}
        style={{ minWidth: 160 }}
      />
      <Select
        mode="multiple"
        aria-label="Framework"
        placeholder={frameworks.isError ? 'Frameworks unavailable' : 'Framework'}
        allowClear
        maxTagCount={1}
        value={state.framework}
        loading={frameworks.isPending}
        options={frameworks.data?.items.map((f) => ({ value: f, label: f }))}
        onChange={(framework: string[]) => onChange({ framework })}
        style={{ minWidth: 140 }}
      />
      <Select
        aria-label="Published"
        value={state.published}
        options={[
          { value: 'any', label: 'Published and draft' },
          { value: 'published', label: 'Published' },
          { value: 'draft', label: 'Draft' },
        ]}
        onChange={(published: ModelListState['published']) => onChange({ published })}
        style={{ width: 170 }}
      />
      <Select
        mode="tags"
        aria-label="Tags"
        placeholder="Tags"
        allowClear
        open={false}
        suffixIcon={null}
        value={state.tag}
        onChange={(tag: string[]) => onChange({ tag })}
        style={{ minWidth: 120 }}
      />
    </Space>
  );
}
