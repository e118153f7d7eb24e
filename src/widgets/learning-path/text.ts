/** The learning path's words: the shared catalogue plus the learning section, as one object. */
import { renderMessage, type LocalizeController } from '../../core/localize.js';
import { en, type Message, type Messages } from '../../i18n/en.js';
import { learningMessages, type LearningMessages } from '../../i18n/learning.js';

export type LearningText = Messages & { learning: LearningMessages };

export function learningText(l10n: LocalizeController): LearningText {
  return { ...l10n.t, learning: l10n.of(learningMessages) };
}

/** A message with parameters, falling back to English per message. */
export function learningMsg(
  l10n: LocalizeController,
  pick: (t: LearningText) => Message | undefined,
  params: Record<string, string | number> = {},
): string {
  const english = () => pick({ ...en, learning: learningMessages.byLanguage.get('en')! });
  return renderMessage(pick(learningText(l10n)) ?? english(), params, l10n.format);
}
