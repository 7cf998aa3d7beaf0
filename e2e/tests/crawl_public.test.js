// Every page nobody signed in and a person in recovery can reach: axe finds nothing, nothing is untranslated.

import { crawlTest } from '../lib/crawl.js';
import { useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();
crawlTest(h, null, { start: '/', atLeast: 5 });
crawlTest(h, 'person', { start: '/me', atLeast: 5 });
