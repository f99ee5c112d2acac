import { useQueryClient } from '@tanstack/react-query';
import { Alert, Empty, Tree } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/ApiContext';
import { projectsQuery, useProjects } from '../../api/projectsQuery';
import type { Project } from '../../api/types';
import { ErrorState } from '../common/ErrorState';
import { ProjectStats } from './ProjectStats';
import { Loading } from '../common/Loading';

export interface ProjectTreeProps {
  projectHref: (name: string) => string;
  selected?: string | null;
}

interface Node {
  key: string;
  title: React.ReactNode;
  isLeaf: boolean;
  children?: Node[];
}

// 500 is the API's page maximum; a level with more children says so instead of hiding them.
const LEVEL_SIZE = 500;

/** Projects as a tree by path (A → A/B → A/B/C), each level fetched when it is opened. */
export function ProjectTree({ projectHref, selected }: ProjectTreeProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const top = useProjects({ parent: '', include_stats: true, page_size: LEVEL_SIZE });
  const [children, setChildren] = useState<Record<string, Project[]>>({});
  const [failed, setFailed] = useState<string | null>(null);

  const loadData = useCallback(
    async ({ key }: { key: React.Key }) => {
      const parent = String(key);
      try {
        const page = await queryClient.fetchQuery(
          projectsQuery(api, { parent, include_stats: true, page_size: LEVEL_SIZE }),
        );
        setChildren((current) => ({ ...current, [parent]: page.items }));
      } catch (error) {
        setFailed(`Could not load the sub-projects of ${parent}: ${(error as Error).message}`);
      }
    },
    [api, queryClient],
  );

  const treeData = useMemo(() => {
    const toNode = (project: Project): Node => {
      const kids = children[project.name];
      return {
        key: project.name,
        isLeaf: !project.has_children,
        title: (
          // Wrapping: when a name and its counts do not fit, the counts go below the name
          // instead of breaking a two-word name over two lines.
          <span
            style={{
              display: 'inline-flex',
              flexWrap: 'wrap',
              columnGap: 8,
              alignItems: 'baseline',
            }}
          >
            <Link to={projectHref(project.name)}>{project.basename}</Link>
            <ProjectStats stats={project.stats} />
          </span>
        ),
        children: kids?.map(toNode),
      };
    };
    return top.data?.items.map(toNode) ?? [];
  }, [top.data, children, projectHref]);

  if (top.isPending) return <Loading label="Loading projects" />;
  if (top.isError)
    return <ErrorState what="projects" error={top.error} onRetry={() => top.refetch()} />;
  if (treeData.length === 0) {
    return (
      <Empty description="No ClearML projects yet. Create a task with “create project” to start one." />
    );
  }
  return (
    <nav aria-label="Projects">
      {failed ? (
        <Alert type="error" showIcon closable message={failed} onClose={() => setFailed(null)} />
      ) : null}
      <Tree
        blockNode
        showLine
        treeData={treeData}
        loadData={loadData}
        selectedKeys={selected ? [selected] : []}
        selectable={false}
      />
      {top.data.has_more ? (
        <Alert type="info" message="Showing the first 500 projects: search to find others." />
      ) : null}
    </nav>
  );
}
