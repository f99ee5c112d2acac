import { Space, Typography } from 'antd';
import { useState } from 'react';
import { SearchInput } from '../common/SearchInput';
import { ProjectSearchResults } from './ProjectSearchResults';
import { ProjectTree } from './ProjectTree';

export interface ProjectsViewProps {
  projectHref: (name: string) => string;
  selected?: string | null;
}

export function ProjectsView({ projectHref, selected }: ProjectsViewProps) {
  const [search, setSearch] = useState('');
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        Projects
      </Typography.Title>
      <SearchInput label="Search projects" value={search} onSearch={setSearch} />
      {search ? (
        <ProjectSearchResults search={search} projectHref={projectHref} />
      ) : (
        <ProjectTree projectHref={projectHref} selected={selected} />
      )}
    </Space>
  );
}
