import type { CvatBuilderArgs, CvatSlotData } from './cvatTypes';

export interface SlotRegistration {
  path: string;
  component: unknown;
  data?: CvatSlotData;
}

export interface SlotOutcome {
  registered: SlotRegistration[];
  failed: { path: string; error: unknown }[];
}

/**
 * Dispatches each slot on its own: CVAT's plugins reducer throws for a path the running
 * version does not know (slot names change between releases), and one unknown slot must
 * not cost the others. Each failure is reported once through `warn`.
 */
export function registerSlots(
  args: Pick<CvatBuilderArgs, 'dispatch' | 'actionCreators'>,
  slots: SlotRegistration[],
  warn: (message: string, error: unknown) => void,
): SlotOutcome {
  const outcome: SlotOutcome = { registered: [], failed: [] };
  for (const slot of slots) {
    try {
      args.dispatch(args.actionCreators.addUIComponent(slot.path, slot.component, slot.data));
      outcome.registered.push(slot);
    } catch (error) {
      outcome.failed.push({ path: slot.path, error });
      warn(`ClearML plugin: CVAT does not offer the slot "${slot.path}"; skipped it.`, error);
    }
  }
  return outcome;
}

/** Undoes `registerSlots`; a slot that cannot be removed is left to CVAT. */
export function unregisterSlots(
  args: Pick<CvatBuilderArgs, 'dispatch' | 'actionCreators'>,
  slots: SlotRegistration[],
): void {
  for (const slot of slots) {
    try {
      args.dispatch(args.actionCreators.removeUIComponent(slot.path, slot.component));
    } catch {
      // Nothing to do: CVAT v2.73 never calls a plugin's destructor anyway.
    }
  }
}
