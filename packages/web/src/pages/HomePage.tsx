import { HomeWelcome } from '../modules/home';

export function HomePage() {
  return <HomeWelcome />;
}
