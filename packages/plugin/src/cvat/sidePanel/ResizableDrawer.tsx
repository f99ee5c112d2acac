import {
  useCallback,
  useEffect,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { Drawer } from 'antd';

export const MIN_WIDTH = 360;
const MAX_FRACTION = 0.9;
const KEY_STEP = 32;

export interface WidthStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
}

export function clampWidth(width: number, viewport: number): number {
  return Math.round(Math.max(MIN_WIDTH, Math.min(width, viewport * MAX_FRACTION)));
}

function readWidth(storage: WidthStorage, key: string, viewport: number): number {
  let saved = Number.NaN;
  try {
    saved = Number(storage.getItem(key));
  } catch {
    // Storage can be blocked (privacy settings); the default width will do.
  }
  return clampWidth(Number.isFinite(saved) && saved > 0 ? saved : 480, viewport);
}

export interface ResizableDrawerProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  storage: WidthStorage;
  storageKey: string;
  children: ReactNode;
}

/**
 * A right-hand drawer without a mask, so CVAT's top bar and canvas stay usable beside it,
 * with a drag handle on its left edge. The width is kept within [360 px, 90% of the
 * window] and remembered.
 */
export function ResizableDrawer(props: ResizableDrawerProps) {
  const { storage, storageKey } = props;
  const [width, setWidth] = useState(() => readWidth(storage, storageKey, window.innerWidth));
  const [dragging, setDragging] = useState(false);

  const commit = useCallback(
    (next: number) => {
      const clamped = clampWidth(next, window.innerWidth);
      setWidth(clamped);
      try {
        storage.setItem(storageKey, String(clamped));
      } catch {
        // Not remembered across visits; the drawer still works.
      }
    },
    [storage, storageKey],
  );

  useEffect(() => {
    const onResize = () => setWidth((w) => clampWidth(w, window.innerWidth));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging) setWidth(clampWidth(window.innerWidth - event.clientX, window.innerWidth));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    setDragging(false);
    commit(window.innerWidth - event.clientX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowLeft') commit(width + KEY_STEP);
    else if (event.key === 'ArrowRight') commit(width - KEY_STEP);
    else return;
    event.preventDefault();
  };

  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      placement="right"
      mask={false}
      width={width}
      rootClassName="clearml-side-panel"
      styles={{ body: { padding: '8px 12px' } }}
    >
      {/* A portal to body: the drawer's wrapper is transformed while it animates, which would
          make a fixed-position handle inside it move with the animation. */}
      {props.open &&
        createPortal(
          <div
            role="separator"
            aria-orientation="vertical"
            aria-label="Resize the ClearML panel"
            aria-valuemin={MIN_WIDTH}
            aria-valuemax={Math.round(window.innerWidth * MAX_FRACTION)}
            aria-valuenow={width}
            tabIndex={0}
            className="clearml-side-panel-resize"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onKeyDown={onKeyDown}
            style={{
              position: 'fixed',
              top: 0,
              bottom: 0,
              right: width - 4,
              width: 8,
              cursor: 'col-resize',
              zIndex: 1001,
              touchAction: 'none',
              background: dragging ? 'rgba(22, 119, 255, 0.35)' : 'transparent',
            }}
          />,
          document.body,
        )}
      {props.children}
    </Drawer>
  );
}
