/** The calendar's words: the shared catalogue plus the booking section, as one object. */
import { renderMessage, type LocalizeController } from '../../core/localize.js';
import { en, type Message, type Messages } from '../../i18n/en.js';
import { bookingMessages } from '../../i18n/booking.js';

export type BookingMessages = typeof bookingMessages extends { byLanguage: Map<string, infer T> } ? T : never;
export type BookingText = Messages & { booking: BookingMessages };

export function bookingText(l10n: LocalizeController): BookingText {
  return { ...l10n.t, booking: l10n.of(bookingMessages) };
}

/** A message with parameters, falling back to English per message. */
export function bookingMsg(
  l10n: LocalizeController,
  pick: (t: BookingText) => Message | undefined,
  params: Record<string, string | number> = {},
): string {
  const english = () => pick({ ...en, booking: bookingMessages.byLanguage.get('en')! });
  return renderMessage(pick(bookingText(l10n)) ?? english(), params, l10n.format);
}
