import { useUrlListState } from '../common/useUrlListState';
import { formatTaskListState, parseTaskListState } from './taskListState';

/** The task list's filters, sort and page, kept in the URL (see useUrlListState). */
export function useTaskListState() {
  return useUrlListState(parseTaskListState, formatTaskListState);
}
