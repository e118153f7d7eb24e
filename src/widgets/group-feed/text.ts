/** The feed's words: the shared catalogue plus the feed's own section, as one object. */
import { renderMessage, type LocalizeController } from '../../core/localize.js';
import { en, type Message, type Messages } from '../../i18n/en.js';
import { feedMessages, type FeedMessages } from '../../i18n/feed.js';

export type FeedText = Messages & { feed: FeedMessages };

export function feedText(l10n: LocalizeController): FeedText {
  return { ...l10n.t, feed: l10n.of(feedMessages) };
}

/** A message with parameters, falling back to English per message. */
export function feedMsg(
  l10n: LocalizeController,
  pick: (t: FeedText) => Message | undefined,
  params: Record<string, string | number> = {},
): string {
  const english = () => pick({ ...en, feed: feedMessages.byLanguage.get('en')! });
  return renderMessage(pick(feedText(l10n)) ?? english(), params, l10n.format);
}
