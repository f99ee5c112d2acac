import { PlusOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useSession } from '../../api/useSession';

/** The session decides whether creating is allowed; when it is not, say why instead of a dead button. */
export function CreateTaskButton({
  onClick,
  children,
}: {
  onClick: () => void;
  children?: ReactNode;
}) {
  const session = useSession();
  const reason = session.isError
    ? 'Could not check whether you may create tasks'
    : session.data && !session.data.can_create
      ? session.data.read_only
        ? 'The ClearML proxy is read-only'
        : 'Your account may not create ClearML tasks'
      : null;
  const button = (
    <Button
      type="primary"
      size="small"
      icon={<PlusOutlined />}
      onClick={onClick}
      disabled={reason !== null || session.isPending}
    >
      {children ?? 'Create task'}
    </Button>
  );
  return reason ? (
    <Tooltip title={reason}>
      <span role="note" aria-label={reason}>
        {button}
      </span>
    </Tooltip>
  ) : (
    button
  );
}
