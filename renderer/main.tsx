import { followServeToken } from './api';
import { startOpening } from './opening';
import { parseRoute } from './paths';
import { prefetchInitialStrings } from './ui-strings';
import './styles.css';

followServeToken();
// The assessment is asked for before the app's code (most of the bytes) has arrived and been
// compiled, so that the store reads it while the browser is busy with the code.
const route = parseRoute(window.location.hash);
if (route.screen === 'assessment') startOpening(route.id);
prefetchInitialStrings();
void import('./mount');
