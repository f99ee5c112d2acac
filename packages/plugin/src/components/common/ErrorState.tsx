import { Alert, Button, Result } from 'antd';
import { isApiError, type ApiErrorKind } from '../../api/ApiError';

interface Explanation {
  title: string;
  hint: string;
  status: 'warning' | 'error' | '403' | '404' | 'info';
}

function explain(kind: ApiErrorKind | 'other', what: string): Explanation {
  switch (kind) {
    case 'unreachable':
      return {
        title: 'The ClearML proxy cannot be reached',
        hint: 'Check your network connection, or ask an administrator whether the proxy is running.',
        status: 'warning',
      };
    case 'clearml-unavailable':
      return {
        title: 'ClearML is unavailable',
        hint: 'The proxy is up but cannot reach the ClearML server. Try again in a moment.',
        status: 'error',
      };
    case 'timeout':
      return {
        title: 'ClearML did not answer in time',
        hint: 'The ClearML server is slow or overloaded. Try again, or narrow the filters.',
        status: 'warning',
      };
    case 'unauthenticated':
      return { title: 'You are not signed in', hint: 'Sign in again, then retry.', status: '403' };
    case 'forbidden':
      return { title: `You may not see ${what}`, hint: 'Ask an administrator.', status: '403' };
    case 'not-found':
      return {
        title: `${capitalise(what)} not found`,
        hint: 'It may have been deleted or renamed.',
        status: '404',
      };
    default:
      return { title: `Could not load ${what}`, hint: 'Try again.', status: 'error' };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ErrorStateProps {
  error: unknown;
  /** What failed to load, in words ("tasks", "the project tree"). */
  what: string;
  onRetry?: () => void;
  /** A one-line alert instead of a full-size result (inside a table area or a drawer). */
  compact?: boolean;
}

/** Says what failed and why, and offers a retry; never a silent empty list. */
export function ErrorState({ error, what, onRetry, compact }: ErrorStateProps) {
  const kind = isApiError(error) ? error.kind : 'other';
  const { title, hint, status } = explain(kind, what);
  const detail = error instanceof Error ? error.message : String(error);
  const retry = onRetry ? (
    <Button onClick={onRetry} type={compact ? 'default' : 'primary'} size="small">
      Retry
    </Button>
  ) : undefined;
  if (compact) {
    return (
      <Alert
        role="alert"
        type={status === 'warning' ? 'warning' : 'error'}
        showIcon
        message={title}
        description={`${hint} (${detail})`}
        action={retry}
      />
    );
  }
  return (
    <div role="alert">
      <Result status={status} title={title} subTitle={`${hint} ${detail}`} extra={retry} />
    </div>
  );
}
