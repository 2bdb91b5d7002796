package legion.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Screening's reasons in words for the case page ({@code ${@screeningWords.of(h.reasons, #locale)}}). Screening
 * stores its evidence as it computed it ("surname 0.94 +9.1", "name similarity 0.93", "date of birth matches"); an
 * officer deciding a case reads what agreed and how much that counts ("Name: very similar — counts for the same
 * person"), not the weights. The raw text stays available under the words (the title of each item).
 */
@Component("screeningWords")
public class ScreeningWords {

    /** A linkage field's evidence: name, similarity, weight ({@code screening.internal.Linker}). */
    private static final Pattern WEIGHED = Pattern.compile("([a-z_]+) (\\d(?:\\.\\d+)?) ([+-]\\d+(?:\\.\\d+)?)");
    private static final Pattern CERTAIN = Pattern.compile("([a-z_]+) identical \\(certain\\)");
    private static final Pattern NAME_SIMILARITY = Pattern.compile("name similarity (\\d(?:\\.\\d+)?)");
    private static final Pattern SECURITY = Pattern.compile("same person as a case rejected for security reasons: (.*)");

    private final MessageSource messages;

    ScreeningWords(MessageSource messages) {
        this.messages = messages;
    }

    /** One reason: the words, and the text screening recorded. */
    public record Reason(String words, String raw) {
    }

    public List<Reason> of(String reasons, Locale locale) {
        List<Reason> out = new ArrayList<>();
        if (reasons == null || reasons.isBlank()) {
            return out;
        }
        Matcher security = SECURITY.matcher(reasons.strip());
        if (security.matches()) {
            out.add(new Reason(msg("console.screening.reason.security", locale), "rejected for security reasons"));
            reasons = security.group(1);
        }
        for (String part : reasons.split(";")) {
            String raw = part.strip();
            if (!raw.isEmpty()) {
                out.add(new Reason(words(raw, locale), raw));
            }
        }
        return out;
    }

    private String words(String raw, Locale locale) {
        Matcher m = CERTAIN.matcher(raw);
        if (m.matches()) {
            return msg("console.screening.reason.certain", locale, field(m.group(1), locale));
        }
        m = WEIGHED.matcher(raw);
        if (m.matches()) {
            double similarity = Double.parseDouble(m.group(2));
            double weight = Double.parseDouble(m.group(3));
            return msg("console.screening.reason.weighed", locale, field(m.group(1), locale),
                    msg("console.screening.similarity." + level(similarity), locale),
                    msg("console.screening.evidence." + (weight > 0.5 ? "for" : weight < -0.5 ? "against" : "neutral"),
                            locale));
        }
        m = NAME_SIMILARITY.matcher(raw);
        if (m.matches()) {
            return msg("console.screening.reason.name", locale,
                    msg("console.screening.similarity." + level(Double.parseDouble(m.group(1))), locale));
        }
        String key = "console.screening.reason." + raw.replaceAll("[^a-z]+", "-");
        return messages.getMessage(key, null, raw, locale);
    }

    /** How alike two values are, in four words. */
    static String level(double similarity) {
        if (similarity >= 0.99) {
            return "identical";
        }
        if (similarity >= 0.85) {
            return "close";
        }
        if (similarity >= 0.6) {
            return "partial";
        }
        return "different";
    }

    private String field(String name, Locale locale) {
        return messages.getMessage("console.screening.field." + name, null, name.replace('_', ' '), locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
