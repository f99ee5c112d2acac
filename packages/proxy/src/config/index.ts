export { ConfigError } from './ConfigError.js';
export { loadConfig, type ClearmlSettings, type Config } from './loadConfig.js';
export { parseClearmlConf, ConfParseError, type ConfObject } from './parseClearmlConf.js';
export { readSettingSources, type Env, type SourceDeps } from './readSettingSources.js';
