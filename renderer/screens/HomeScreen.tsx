import { PortfolioScreen } from '../portfolio/PortfolioScreen';

/** The home screen is HQ's portfolio; with no assessments it says how to begin. */
export function HomeScreen() {
  return <PortfolioScreen />;
}
