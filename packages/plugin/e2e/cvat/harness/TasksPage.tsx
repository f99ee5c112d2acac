import Button from 'antd/lib/button';
import Card from 'antd/lib/card';
import Dropdown from 'antd/lib/dropdown';
import List from 'antd/lib/list';
import { Link } from 'react-router-dom';
import type { HarnessProject, HarnessTask } from './createHarnessCore';
import { useHarness } from './HarnessContext';
import { pluginMenuItems } from './menuItems';
import { usePlugins } from './usePlugins';

function TaskActions({ task }: { task: HarnessTask }) {
  const { store } = useHarness();
  const props = { taskInstance: task };
  const plugins = usePlugins(store, 'taskActions.items', props);
  const items = [
    { key: 'export', label: 'Export task dataset' },
    { key: 'delete', label: 'Delete', danger: true },
    ...pluginMenuItems(plugins, props, `task-${task.id}`),
  ];
  return (
    <Dropdown
      menu={{ items, className: `cvat-actions-menu task-${task.id}-actions` }}
      trigger={['click']}
    >
      <Button className={`cvat-task-actions-${task.id}`}>Actions</Button>
    </Dropdown>
  );
}

function ProjectActions({ project }: { project: HarnessProject }) {
  const { store } = useHarness();
  const props = { projectInstance: project };
  const plugins = usePlugins(store, 'projectActions.items', props);
  const items = [
    { key: 'backup', label: 'Backup project' },
    ...pluginMenuItems(plugins, props, `project-${project.id}`),
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button className={`cvat-project-actions-${project.id}`}>Actions</Button>
    </Dropdown>
  );
}

/** CVAT's task list: each task has an actions menu; its first job opens the annotation page. */
export function TasksPage() {
  const { data } = useHarness();
  return (
    <Card title="Tasks" style={{ margin: 16 }}>
      <List
        dataSource={data.tasks}
        renderItem={(task) => (
          <List.Item
            actions={[
              <Link key="job" to={`/tasks/${task.id}/jobs/${task.id + 4}`}>
                Job #{task.id + 4}
              </Link>,
              <TaskActions key="actions" task={task} />,
            ]}
          >
            <List.Item.Meta
              title={`#${task.id} ${task.name}`}
              description={`${task.labels.length} labels`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function ProjectsPage() {
  const { data } = useHarness();
  return (
    <Card title="Projects" style={{ margin: 16 }}>
      <List
        dataSource={data.projects}
        renderItem={(project) => (
          <List.Item actions={[<ProjectActions key="actions" project={project} />]}>
            <List.Item.Meta title={`#${project.id} ${project.name}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}
