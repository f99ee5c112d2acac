// The panel's public surface: what the standalone page and the CVAT plugin build import.
export { ClearmlPanel, type ClearmlPanelProps } from './ClearmlPanel';
export { PanelProviders, createPanelQueryClient, type PanelProvidersProps } from './PanelProviders';
export type { CvatContext, PanelLayout } from './types';
export { createApiClient, type ApiClient, type ApiClientOptions } from '../api/createApiClient';
export { ApiError, isApiError, type ApiErrorKind } from '../api/ApiError';
export { CreateTaskForm, type CreateTaskFormProps } from '../components/create/CreateTaskForm';
export type { CreateTaskInitialValues } from '../components/create/taskFormValues';
export { LinkedTasks, type LinkedTasksProps } from '../components/linked/LinkedTasks';
export { cvatPrefill } from '../components/linked/cvatPrefill';
export {
  useMappedProject,
  type MappedProject,
  type MappingContext,
} from '../components/linked/useMappedProject';
export { ModelsView, type ModelsViewProps } from '../components/models/ModelsView';
export { TaskDetailsView } from '../components/tasks/TaskDetailsView';
