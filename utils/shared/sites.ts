/**
 * Where Backstory runs without asking: major news sites, declared in the manifest so
 * the store shows them at install. Anywhere else the user turns it on from the popup,
 * which asks for that one site's permission at that moment.
 */
export const NEWS_SITES = [
  'apnews.com',
  'arstechnica.com',
  'axios.com',
  'bbc.co.uk',
  'bbc.com',
  'bloomberg.com',
  'cbc.ca',
  'cnbc.com',
  'cnn.com',
  'dw.com',
  'economist.com',
  'engadget.com',
  'france24.com',
  'ft.com',
  'heise.de',
  'independent.co.uk',
  'japantimes.co.jp',
  'latimes.com',
  'lemonde.fr',
  'lightreading.com',
  'nikkei.com',
  'npr.org',
  'nytimes.com',
  'politico.com',
  'politico.eu',
  'reuters.com',
  'rfa.org',
  'scmp.com',
  'smh.com.au',
  'spiegel.de',
  'techcrunch.com',
  'telegraph.co.uk',
  'theatlantic.com',
  'theglobeandmail.com',
  'theguardian.com',
  'theregister.com',
  'theverge.com',
  'washingtonpost.com',
  'wired.com',
  'wsj.com',
  'yahoo.com',
  'abc.net.au',
  'aljazeera.com',
  'euronews.com',
  'voanews.com',
  'wikipedia.org',
] as const;

/**
 * Local pages: `npm start` serves the demo article on 127.0.0.1, and the end-to-end
 * tests serve theirs there too. Nothing on the network can reach these addresses.
 */
export const LOCAL_PAGES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

/** The content script's static match patterns. */
export const CONTENT_MATCHES: string[] = [
  // `*.site` also matches the bare domain.
  ...NEWS_SITES.map((site) => `https://*.${site}/*`),
  ...LOCAL_PAGES,
];
