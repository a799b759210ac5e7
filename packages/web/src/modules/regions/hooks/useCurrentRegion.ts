import { useContext } from 'react';
import { CurrentRegionContext, type CurrentRegionValue } from '../CurrentRegionContext';

/** The region the user is looking at (chosen in the region tree); defaults to the user's whole scope. */
export function useCurrentRegion(): CurrentRegionValue {
  const value = useContext(CurrentRegionContext);
  if (!value) throw new Error('useCurrentRegion must be used inside <CurrentRegionProvider>');
  return value;
}
