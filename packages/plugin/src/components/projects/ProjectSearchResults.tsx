import { Empty, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useProjects } from '../../api/projectsQuery';
import { ErrorState } from '../common/ErrorState';
import { ProjectStats } from './ProjectStats';
import { Loading } from '../common/Loading';

export function ProjectSearchResults({
  search,
  projectHref,
}: {
  search: string;
  projectHref: (name: string) => string;
}) {
  const query = useProjects({ search, include_stats: true, page_size: 100 });
  if (query.isPending) return <Loading label="Searching projects" rows={3} />;
  if (query.isError)
    return <ErrorState what="projects" error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.items.length === 0) {
    return <Empty description={`No project name contains “${search}”. Try a shorter search.`} />;
  }
  return (
    <List
      size="small"
      aria-label="Matching projects"
      dataSource={query.data.items}
      renderItem={(project) => (
        <List.Item>
          <Link to={projectHref(project.name)}>{project.name}</Link>
          <ProjectStats stats={project.stats} />
        </List.Item>
      )}
      footer={
        query.data.has_more ? (
          <Typography.Text type="secondary">More match: refine the search.</Typography.Text>
        ) : null
      }
    />
  );
}
