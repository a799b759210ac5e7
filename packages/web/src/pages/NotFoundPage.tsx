import { NotFoundResult } from '../modules/ui';

export function NotFoundPage() {
  return <NotFoundResult />;
}
