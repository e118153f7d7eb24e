/** The shelf's words: the shared catalogue plus the badges section, as one object. */
import { renderMessage, type LocalizeController } from '../../core/localize.js';
import { en, type Message, type Messages } from '../../i18n/en.js';
import { badgesMessages, type BadgesMessages } from '../../i18n/badges.js';

export type BadgesText = Messages & { badges: BadgesMessages };

export function badgesText(l10n: LocalizeController): BadgesText {
  return { ...l10n.t, badges: l10n.of(badgesMessages) };
}

/** A message with parameters, falling back to English per message. */
export function badgesMsg(
  l10n: LocalizeController,
  pick: (t: BadgesText) => Message | undefined,
  params: Record<string, string | number> = {},
): string {
  const english = () => pick({ ...en, badges: badgesMessages.byLanguage.get('en')! });
  return renderMessage(pick(badgesText(l10n)) ?? english(), params, l10n.format);
}
