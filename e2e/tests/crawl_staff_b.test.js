// Every page the access line, provider staff, the directory editor and an analyst can reach: axe finds nothing,
// nothing is untranslated.

import { crawlTest } from '../lib/crawl.js';
import { useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();
for (const who of ['accessLine', 'providerStaff', 'directoryEditor', 'analyst']) crawlTest(h, who);
