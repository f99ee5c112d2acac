import { authLogin, debugPing, serverInfo } from './authEndpoints.js';
import type { EndpointDef } from './EndpointDef.js';
import {
  modelsGetAll,
  modelsGetAllEx,
  modelsGetById,
  modelsGetFrameworks,
} from './modelEndpoints.js';
import {
  projectsCreate,
  projectsGetAll,
  projectsGetAllEx,
  projectsGetById,
} from './projectEndpoints.js';
import { tasksCreate, tasksGetAll, tasksGetAllEx, tasksGetById } from './taskEndpoints.js';

/** Every endpoint the emulator implements, by `service.action`. */
export function allEndpoints(): Map<string, EndpointDef> {
  const list = [
    authLogin,
    debugPing,
    serverInfo,
    projectsGetAll,
    projectsGetAllEx,
    projectsGetById,
    projectsCreate,
    tasksGetAll,
    tasksGetAllEx,
    tasksGetById,
    tasksCreate,
    modelsGetAll,
    modelsGetAllEx,
    modelsGetById,
    modelsGetFrameworks,
  ];
  return new Map(list.map((e) => [e.name, e]));
}
