import { useEffect, useRef } from 'react';
import type { SetURLSearchParams } from 'react-router';

/**
 * Lists keep their page in the URL; choosing another region in the region panel starts the list again from its first
 * page (page 7 of one township means nothing in another). Not on the first render: a shared link keeps its page.
 */
export function useFirstPageOnRegionChange(regionCode: string, setSearch: SetURLSearchParams) {
  const previousRegion = useRef(regionCode);
  useEffect(() => {
    if (previousRegion.current === regionCode) return;
    previousRegion.current = regionCode;
    setSearch((current) => {
      const next = new URLSearchParams(current);
      next.delete('page');
      return next;
    }, { replace: true });
  }, [regionCode, setSearch]);
}
