// Entities are kept in the very shape the real server returns them (snake_case, ISO dates),
// so list calls can hand them out with only projection applied.

export interface TaskModelItem {
  name: string;
  model: string;
}

export interface Project {
  id: string;
  name: string;
  basename: string;
  description?: string;
  user: string;
  company: string;
  created: string;
  last_update: string;
  tags: string[];
  system_tags: string[];
  default_output_destination?: string;
  /** Id of the parent project; stored like the real server, not part of the schema's response. */
  parent?: string;
  [key: string]: unknown;
}

export interface Task {
  id: string;
  name: string;
  user: string;
  company: string;
  type: string;
  status: string;
  project: string;
  created: string;
  last_update: string;
  tags: string[];
  system_tags: string[];
  parent?: string;
  models?: { input?: TaskModelItem[]; output?: TaskModelItem[] };
  [key: string]: unknown;
}

export interface Model {
  id: string;
  name: string;
  user: string;
  company: string;
  created: string;
  last_update: string;
  framework: string;
  ready: boolean;
  tags: string[];
  system_tags: string[];
  uri: string;
  project?: string;
  task?: string;
  parent?: string;
  labels?: Record<string, number>;
  [key: string]: unknown;
}

export interface User {
  id: string;
  name: string;
  company: string;
  role: string;
}

export const COMPANY_ID = 'd1bd92a3b039400cbafc60a7a5b1e52b';
export const COMPANY_NAME = 'clearml';

/** System tag the real server puts on projects/tasks such as `X/.datasets`. */
export const HIDDEN_TAG = 'hidden';
export const ARCHIVED_TAG = 'archived';
