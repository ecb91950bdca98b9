import { OpenSampleButton } from '../help/OpenSampleButton';
import { PortfolioScreen } from '../portfolio/PortfolioScreen';

/** The home screen is HQ's portfolio; with no assessments it says how to begin, the sample among the ways. */
export function HomeScreen() {
  return <PortfolioScreen emptyExtra={<OpenSampleButton />} />;
}
