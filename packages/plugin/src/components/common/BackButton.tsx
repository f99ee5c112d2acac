import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** In the narrow side panel a view replaces the list; this leads back to it. */
export function BackButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={onClick} style={{ padding: 0 }}>
      {label}
    </Button>
  );
}
