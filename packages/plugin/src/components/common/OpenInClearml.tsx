import { ExportOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';

/** A link into ClearML's own web UI; disabled (with the reason) when the proxy has no web address. */
export function OpenInClearml({ url, size }: { url: string | null; size?: 'small' | 'middle' }) {
  const button = (
    <Button
      icon={<ExportOutlined />}
      href={url ?? undefined}
      target="_blank"
      rel="noreferrer"
      disabled={!url}
      size={size}
    >
      Open in ClearML
    </Button>
  );
  return url ? (
    button
  ) : (
    <Tooltip title="ClearML's web address is not configured on the proxy">
      <span>{button}</span>
    </Tooltip>
  );
}
