import { Descriptions, Empty, Table, Typography } from 'antd';
import type { TaskDetails } from '../../api/types';

const mono = { fontFamily: 'SFMono-Regular, Consolas, "Liberation Mono", monospace', fontSize: 12 };

export function Hyperparameters({ task }: { task: TaskDetails }) {
  const sections = Object.entries(task.hyperparameters);
  if (sections.length === 0) return <Empty description="No hyperparameters" />;
  return (
    <>
      {sections.map(([section, params]) => (
        <Descriptions
          key={section}
          title={section}
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 12 }}
          items={Object.entries(params).map(([name, param]) => ({
            key: name,
            label: name,
            children: <span style={mono}>{param.value}</span>,
          }))}
        />
      ))}
    </>
  );
}

export function Configuration({ task }: { task: TaskDetails }) {
  const entries = Object.entries(task.configuration);
  if (entries.length === 0) return <Empty description="No configuration objects" />;
  return (
    <>
      {entries.map(([name, entry]) => (
        <section key={name} aria-label={`Configuration ${name}`}>
          <Typography.Title level={5}>{name}</Typography.Title>
          <pre
            style={{ ...mono, whiteSpace: 'pre-wrap', background: 'rgba(0,0,0,0.04)', padding: 8 }}
          >
            {entry.value}
          </pre>
        </section>
      ))}
    </>
  );
}

export function Execution({ task }: { task: TaskDetails }) {
  const script = task.script;
  const container = task.container;
  return (
    <>
      <Descriptions
        title="Script"
        size="small"
        column={1}
        bordered
        items={[
          { key: 'repo', label: 'Repository', children: script?.repository ?? '—' },
          { key: 'branch', label: 'Branch', children: script?.branch ?? '—' },
          { key: 'commit', label: 'Commit', children: script?.version_num ?? '—' },
          { key: 'entry', label: 'Entry point', children: script?.entry_point ?? '—' },
          { key: 'dir', label: 'Working dir', children: script?.working_dir ?? '—' },
        ]}
      />
      {script?.requirements ? (
        <pre style={{ ...mono, whiteSpace: 'pre-wrap', marginTop: 8 }}>{script.requirements}</pre>
      ) : null}
      <Descriptions
        title="Container"
        size="small"
        column={1}
        bordered
        style={{ marginTop: 12 }}
        items={[
          { key: 'image', label: 'Image', children: container?.image ?? '—' },
          { key: 'args', label: 'Arguments', children: container?.arguments ?? '—' },
          {
            key: 'setup',
            label: 'Setup script',
            children: container?.setup_shell_script ? (
              <pre style={{ ...mono, margin: 0 }}>{container.setup_shell_script}</pre>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </>
  );
}

export function Models({ task }: { task: TaskDetails }) {
  const rows = [
    ...task.models.input.map((m) => ({ ...m, direction: 'Input' })),
    ...task.models.output.map((m) => ({ ...m, direction: 'Output' })),
  ];
  if (rows.length === 0) return <Empty description="No input or output models" />;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(r) => `${r.direction}-${r.name}-${r.model_id}`}
      dataSource={rows}
      columns={[
        { title: 'Direction', dataIndex: 'direction', width: 80 },
        { title: 'Role', dataIndex: 'name' },
        { title: 'Model', key: 'model', render: (_, r) => r.model_name ?? r.model_id },
      ]}
    />
  );
}

export function LastMetrics({ task }: { task: TaskDetails }) {
  if (task.last_metrics.length === 0) return <Empty description="No metrics reported yet" />;
  const format = (v: number | null | undefined) => (v == null ? '—' : Number(v.toPrecision(6)));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(m) => `${m.metric}/${m.variant}`}
      dataSource={task.last_metrics}
      columns={[
        { title: 'Metric', dataIndex: 'metric' },
        { title: 'Variant', dataIndex: 'variant' },
        { title: 'Last', dataIndex: 'value', align: 'right', render: format },
        { title: 'Min', dataIndex: 'min_value', align: 'right', render: format },
        { title: 'Max', dataIndex: 'max_value', align: 'right', render: format },
      ]}
    />
  );
}
