import { useMemo } from 'react';
import { ClearmlPanel, type ApiClient } from '../../panel';
import type { CvatStore } from '../cvatTypes';
import { useCvatStore } from '../context/useCvatStore';
import { readCvatOrg, readCvatUser, readField } from '../context/readCvatState';

/** The `/clearml` page inside CVAT's router: the full panel, in the user's CVAT context. */
export function ClearmlPage(props: { api: ApiClient; store: CvatStore; cvatUrl: string }) {
  // Selectors return references from CVAT's state, so they are stable between renders.
  const user = useCvatStore(props.store, (s) => readField(readField(s, 'auth'), 'user'));
  const org = useCvatStore(props.store, readCvatOrg);
  const cvatContext = useMemo(() => {
    const parsed = readCvatUser({ auth: { user } });
    return { ...(parsed ? { user: parsed } : {}), org, cvatUrl: props.cvatUrl };
  }, [user, org, props.cvatUrl]);
  return (
    <div className="clearml-page" style={{ height: '100%', overflow: 'auto', padding: 16 }}>
      <ClearmlPanel api={props.api} layout="page" cvatContext={cvatContext} />
    </div>
  );
}
