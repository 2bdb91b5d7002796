package legion.outbox;

import java.util.Locale;
import java.util.Objects;

/**
 * One message to one person.
 *
 * @param dedupeKey what makes the message unique (e.g. {@code enlistment:42:APPROVED}): the same key is queued once,
 *                  however often the deciding code runs
 * @param kind      what the message is about, without personal data (shown to administrators, e.g. {@code APPROVED})
 * @param to        the recipient's address
 * @param language  the language the text is written in (its {@code Content-Language})
 */
public record Mail(String dedupeKey, String kind, String to, String subject, String text, Locale language) {

    public Mail {
        Objects.requireNonNull(dedupeKey);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(text);
        language = language == null ? Locale.ENGLISH : language;
        if (dedupeKey.isEmpty() || dedupeKey.length() > 200) {
            throw new IllegalArgumentException("dedupe key must be 1..200 characters");
        }
    }
}
