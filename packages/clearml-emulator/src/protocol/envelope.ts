import { randomUUID } from 'node:crypto';

export interface EnvelopeMeta {
  trx: string;
  endpoint: string;
  requestedVersion: string;
  actualVersion: string | null;
  code: number;
  subcode: number;
  msg: string;
  errorData?: Record<string, unknown>;
}

/** The `{meta, data}` envelope every JSON answer of a ClearML server carries. */
export function buildEnvelope(meta: EnvelopeMeta, data: unknown): unknown {
  return {
    meta: {
      id: randomUUID().replace(/-/g, ''),
      trx: meta.trx,
      endpoint: {
        name: meta.endpoint,
        requested_version: meta.requestedVersion,
        actual_version: meta.actualVersion,
      },
      result_code: meta.code,
      result_subcode: meta.subcode,
      result_msg: meta.msg,
      error_stack: null,
      error_data: meta.errorData ?? {},
    },
    data,
  };
}
