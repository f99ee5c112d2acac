import { useEffect, useState } from 'react';

/** window.innerHeight minus what sits above and below a scroll area, kept current on resize. */
export function useViewportHeight(reserved: number, minimum = 240): number {
  const read = () =>
    Math.max(minimum, (typeof window === 'undefined' ? 800 : window.innerHeight) - reserved);
  const [height, setHeight] = useState(read);
  useEffect(() => {
    const onResize = () => setHeight(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
    // read depends only on the arguments, captured here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reserved, minimum]);
  return height;
}
