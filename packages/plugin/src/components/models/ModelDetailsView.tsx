import { Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useModel } from '../../api/useModels';
import { ErrorState } from '../common/ErrorState';
import { OpenInClearml } from '../common/OpenInClearml';
import { formatExact } from '../common/RelativeTime';
import { Loading } from '../common/Loading';

const mono = {
  fontFamily: 'SFMono-Regular, Consolas, monospace',
  fontSize: 12,
  whiteSpace: 'pre-wrap' as const,
};

export function ModelDetailsView({ modelId }: { modelId: string }) {
  const query = useModel(modelId);
  if (query.isPending) return <Loading label="Loading model details" />;
  if (query.isError)
    return (
      <ErrorState compact what="this model" error={query.error} onRetry={() => query.refetch()} />
    );
  const model = query.data;
  const labels = Object.entries(model.labels).map(([name, index]) => ({ name, index }));
  const metadata = Object.entries(model.metadata);
  return (
    <article aria-label={`Model ${model.name}`}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }}>
          {model.name}
        </Typography.Title>
        <Space wrap>
          {model.published ? <Tag color="blue">Published</Tag> : <Tag>Draft</Tag>}
          <OpenInClearml url={model.web_url} size="small" />
        </Space>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'id',
              label: 'ID',
              children: (
                <Typography.Text copyable code>
                  {model.id}
                </Typography.Text>
              ),
            },
            {
              key: 'uri',
              label: 'URI',
              children: model.uri ? (
                <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                  {model.uri}
                </Typography.Text>
              ) : (
                '—'
              ),
            },
            { key: 'framework', label: 'Framework', children: model.framework ?? '—' },
            { key: 'project', label: 'Project', children: model.project_name ?? '—' },
            { key: 'task', label: 'Created by', children: model.task_name ?? model.task_id ?? '—' },
            { key: 'user', label: 'User', children: model.user?.name ?? model.user?.id ?? '—' },
            { key: 'updated', label: 'Last update', children: formatExact(model.last_update) },
            { key: 'iteration', label: 'Iteration', children: model.last_iteration ?? '—' },
            { key: 'comment', label: 'Description', children: model.comment || '—' },
            {
              key: 'tags',
              label: 'Tags',
              children: model.tags.length ? model.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—',
            },
          ]}
        />
        <Typography.Title level={5}>Labels</Typography.Title>
        {labels.length ? (
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={labels}
            columns={[
              { title: 'Label', dataIndex: 'name' },
              { title: 'Index', dataIndex: 'index', width: 80 },
            ]}
          />
        ) : (
          <Empty description="No labels" />
        )}
        <Typography.Title level={5}>Design</Typography.Title>
        {model.design ? <pre style={mono}>{model.design}</pre> : <Empty description="No design" />}
        <Typography.Title level={5}>Metadata</Typography.Title>
        {metadata.length ? (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={metadata.map(([key, entry]) => ({
              key,
              label: key,
              children: entry.value ?? '—',
            }))}
          />
        ) : (
          <Empty description="No metadata" />
        )}
      </Space>
    </article>
  );
}
