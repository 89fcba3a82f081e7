import { deserializeMatcher, matchText, type CompiledMatcher } from '../utils/core/matcher';

chrome.runtime.onInstalled.addListener(async () => {
  const r = await fetch(chrome.runtime.getURL('matcher.json'));
  await chrome.storage.local.set({ matcher: await r.json() });
});

let matcher: Promise<CompiledMatcher> | undefined;
chrome.runtime.onMessage.addListener((message: { texts?: string[] }, _sender, reply) => {
  if (!message.texts) return false;
  const texts = message.texts;
  matcher ??= chrome.storage.local
    .get('matcher')
    .then(({ matcher: m }) => deserializeMatcher((m as { data: string }).data));
  void matcher.then((m) => {
    const hits: number[] = [];
    texts.forEach((text, i) => {
      for (const hit of matchText(m, text)) hits.push(i, hit.start, hit.end);
    });
    reply(hits);
  });
  return true;
});
