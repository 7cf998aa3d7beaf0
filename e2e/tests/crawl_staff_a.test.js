// Every page the staff who open person records can reach: axe finds nothing, nothing is untranslated.

import { crawlTest } from '../lib/crawl.js';
import { useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();
for (const who of ['coach', 'supervisor', 'admin']) crawlTest(h, who);
