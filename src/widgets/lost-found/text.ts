/** The board's words: the shared catalogue plus the lost & found section, as one object. */
import { renderMessage, type LocalizeController } from '../../core/localize.js';
import { en, type Message, type Messages } from '../../i18n/en.js';
import { lostFoundMessages, type LostFoundMessages } from '../../i18n/lost-found.js';

export type LostFoundText = Messages & { lostFound: LostFoundMessages };

export function lostFoundText(l10n: LocalizeController): LostFoundText {
  return { ...l10n.t, lostFound: l10n.of(lostFoundMessages) };
}

/** A message with parameters, falling back to English per message. */
export function lostFoundMsg(
  l10n: LocalizeController,
  pick: (t: LostFoundText) => Message | undefined,
  params: Record<string, string | number> = {},
): string {
  const english = () => pick({ ...en, lostFound: lostFoundMessages.byLanguage.get('en')! });
  return renderMessage(pick(lostFoundText(l10n)) ?? english(), params, l10n.format);
}
