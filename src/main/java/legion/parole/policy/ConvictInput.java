package legion.parole.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a convict from the text a file or a form gives (the columns of {@code parole-screen}): offences in either
 * notation, the sentence's end as {@code YYYY-MM-DD} (empty for a life sentence), booleans {@code true}/{@code false}
 * with empty meaning false. What cannot be read is named, never guessed: such a convict is never judged eligible.
 */
public final class ConvictInput {

    private ConvictInput() {
    }

    /** The convict, or the reasons it could not be read ({@code UNREADABLE_OFFENCE(11x)}, ...). */
    public record Reading(Convict convict, List<String> reasons) {

        public boolean isReadable() {
            return convict != null;
        }
    }

    public static Reading read(String offences, String sentenceEnd, String lifeSentence, String responsiblePost) {
        List<String> reasons = new ArrayList<>(0);
        OffenceNotation.Reading read = OffenceNotation.readList(offences);
        for (String entry : read.unreadable()) {
            reasons.add("UNREADABLE_OFFENCE(" + clean(entry) + ")");
        }
        if (read.unreadable().isEmpty() && read.offences().isEmpty()) {
            reasons.add("NO_OFFENCE");
        }
        Boolean life = bool(lifeSentence);
        if (life == null) {
            reasons.add("UNREADABLE_LIFE_SENTENCE(" + clean(lifeSentence) + ")");
        }
        Boolean post = bool(responsiblePost);
        if (post == null) {
            reasons.add("UNREADABLE_RESPONSIBLE_POST(" + clean(responsiblePost) + ")");
        }
        LocalDate end = null;
        String endText = sentenceEnd == null ? "" : sentenceEnd.strip();
        if (!endText.isEmpty()) {
            try {
                end = LocalDate.parse(endText);
            } catch (DateTimeParseException e) {
                reasons.add("UNREADABLE_SENTENCE_END(" + clean(endText) + ")");
            }
        } else if (Boolean.FALSE.equals(life)) {
            reasons.add("MISSING_SENTENCE_END");
        }
        if (!reasons.isEmpty()) {
            return new Reading(null, reasons);
        }
        return new Reading(new Convict(read.offences(), end, life, post), List.of());
    }

    private static Boolean bool(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "false" -> Boolean.FALSE;
            case "true" -> Boolean.TRUE;
            default -> null;
        };
    }

    /** The text as it came, shortened, without the list separator, so a reason stays one entry of the list. */
    private static String clean(String text) {
        String s = text == null ? "" : text.strip().replace(';', ' ').replace(')', ' ');
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
