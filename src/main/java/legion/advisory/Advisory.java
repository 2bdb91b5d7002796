package legion.advisory;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One version of the advisory for one country. A country without information on file has version 0, status
 * {@link AdvisoryStatus#UNCLEAR}, no summary of its own (pages and API show the "consult a lawyer" text from the
 * message bundles) and no sources.
 */
public record Advisory(String country, int version, AdvisoryStatus status, String summary, List<Source> sources,
                       Instant changedAt, String changedBy) {

    public Advisory {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    static Advisory noneOnFile(String country) {
        return new Advisory(country, 0, AdvisoryStatus.UNCLEAR, null, List.of(), null, null);
    }

    public boolean onFile() {
        return version > 0;
    }

    /**
     * A source of an advisory: what it is, its date in ISO 8601 at the precision known ({@code 2022-02-28},
     * {@code 2022-02} or {@code 2022}), and a link when there is one.
     */
    public record Source(String description, String date, String url) {

        private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

        public Source {
            if (description == null || description.isBlank() || description.length() > 500) {
                throw new IllegalArgumentException("a source needs a description of at most 500 characters");
            }
            if (date == null || !DATE.matcher(date).matches()) {
                throw new IllegalArgumentException("a source needs a date like 2022-02-28, 2022-02 or 2022");
            }
            if (url != null && (url.isBlank() || url.length() > 500 || !url.startsWith("https://"))) {
                throw new IllegalArgumentException("a source link must be an https URL of at most 500 characters");
            }
        }
    }
}
