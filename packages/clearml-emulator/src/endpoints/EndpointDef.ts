import type { Identity, TokenService } from '../auth/TokenService.js';
import type { FaultState } from '../faults/FaultState.js';
import type { RequestSpec } from '../protocol/validateRequest.js';
import type { ScrollRegistry } from '../query/ScrollRegistry.js';
import type { SortCache } from '../query/SortCache.js';
import type { EmulatorStore } from '../store/EmulatorStore.js';

/** Everything an endpoint may use, passed in rather than imported. */
export interface EmulatorServices {
  store: EmulatorStore;
  tokens: TokenService;
  scrolls: ScrollRegistry;
  sortCache: SortCache;
  faults: FaultState;
  credentials: { accessKey: string; secretKey: string };
  /** Who the accepted key pair belongs to. */
  identity: Identity;
  nowMs: () => number;
}

export interface EndpointContext {
  body: Record<string, unknown>;
  /** Set when the endpoint needs authorization and the caller passed it. */
  identity: Identity | undefined;
  services: EmulatorServices;
}

export interface EndpointDef {
  /** `service.action` */
  name: string;
  /** The schema versions at which this endpoint's shape changed, ascending. */
  versions: readonly string[];
  /** Whether a token or key pair is needed (the schema's `authorize`, default true). */
  authorize: boolean;
  spec: RequestSpec;
  /** Creates something: subject to the "commit then time out" fault. */
  creates?: boolean;
  handle(ctx: EndpointContext): unknown;
}
