import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { Model } from '../../api/types';
import { RelativeTime } from '../common/RelativeTime';

export interface ModelTableProps {
  models: Model[];
  loading: boolean;
  width: number;
  onOpen: (model: Model) => void;
}

export function ModelTable({ models, loading, width, onOpen }: ModelTableProps) {
  const narrow = width > 0 && width < 640;
  const columns = useMemo(() => {
    const all: (TableColumnsType<Model>[number] & { wide?: boolean })[] = [
      {
        key: 'name',
        title: 'Name',
        dataIndex: 'name',
        ellipsis: true,
        width: 240,
        render: (name: string, model) => (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(model)}>
            {name}
          </Button>
        ),
      },
      {
        key: 'framework',
        title: 'Framework',
        dataIndex: 'framework',
        width: 110,
        render: (f) => f ?? '—',
      },
      {
        key: 'published',
        title: 'State',
        dataIndex: 'published',
        width: 100,
        render: (published: boolean) =>
          published ? <Tag color="blue">Published</Tag> : <Tag>Draft</Tag>,
      },
      {
        key: 'project',
        title: 'Project',
        dataIndex: 'project_name',
        ellipsis: true,
        width: 160,
        wide: true,
      },
      {
        key: 'task',
        title: 'Created by task',
        dataIndex: 'task_name',
        ellipsis: true,
        width: 180,
        wide: true,
      },
      {
        key: 'tags',
        title: 'Tags',
        dataIndex: 'tags',
        width: 160,
        wide: true,
        render: (tags: string[]) => tags.map((t) => <Tag key={t}>{t}</Tag>),
      },
      {
        key: 'updated',
        title: 'Updated',
        dataIndex: 'last_update',
        width: 120,
        render: (v: string | null) => <RelativeTime value={v} />,
      },
    ];
    return all.filter((c) => !(narrow && c.wide)).map(({ wide: _wide, ...c }) => c);
  }, [narrow, onOpen]);
  return (
    <Table<Model>
      aria-label="Models"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={models}
      loading={loading}
      pagination={false}
      scroll={{ x: columns.reduce((s, c) => s + (Number(c.width) || 120), 0) }}
    />
  );
}
