package legion.parole;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import legion.privacy.FieldCipher;
import legion.screening.NameMatcher;

/**
 * {@link ConvictCheck} over the parole cases: candidates by the blind index of the date of birth (V100), their names
 * decrypted and compared with the screening module's {@link NameMatcher} (any script, word order, typos; the
 * Ukrainian reading of Cyrillic, ADR 0142) at its one threshold; only then the stage and the sentence decide.
 */
@Service
class ConvictLookup implements ConvictCheck {

    private static final int BACKFILL_PAGE = 500;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final ParoleCases cases;
    private final NameMatcher names = new NameMatcher();

    ConvictLookup(JdbcClient jdbc, FieldCipher cipher, ParoleCases cases) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.cases = cases;
    }

    private record Candidate(Stage stage, String fullName, LocalDate sentenceEnd, boolean life) {
    }

    @Override
    public boolean isConvict(List<String> asked, LocalDate dateOfBirth, LocalDate day) {
        List<String> written = asked.stream().filter(n -> n != null && !n.isBlank()).toList();
        if (written.isEmpty() || dateOfBirth == null) {
            return false;
        }
        List<Candidate> candidates = jdbc.sql("select stage, full_name, sentence_end, life_sentence from parole_case "
                        + "where birth_index = ?").param(cases.birthIndex(dateOfBirth))
                .query((rs, n) -> new Candidate(Stage.valueOf(rs.getString("stage")), rs.getString("full_name"),
                        rs.getObject("sentence_end", LocalDate.class), rs.getBoolean("life_sentence"))).list();
        for (Candidate c : candidates) {
            if (!inCustody(c.stage(), c.sentenceEnd(), c.life(), day)) {
                continue;
            }
            String name = cipher.decrypt("parole.full_name", c.fullName());
            if (written.stream().anyMatch(w -> names.isMatch(w, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a case in this stage leaves its convict serving on the day: before the release (APPLIED …
     * PETITIONED), released to serve until discharged (RELEASED, HANDED_OVER, IN_SERVICE: released on condition,
     * the unserved sentence stands), ABSENT (wanted under art. 336-2) and RETURNED_TO_CUSTODY; a case ended without a
     * release (NOT_ELIGIBLE, UNFIT, DECLINED, REFUSED, WITHDRAWN) leaves the convict in prison while the sentence
     * runs: a life sentence always, else until the sentence's end (a sentence ending on the day has ended, as
     * {@code NO_SENTENCE_LEFT} reads it). DISCHARGED alone frees the convict of the sentence.
     */
    static boolean inCustody(Stage stage, LocalDate sentenceEnd, boolean life, LocalDate day) {
        return switch (stage) {
            case DISCHARGED -> false;
            case NOT_ELIGIBLE, UNFIT, DECLINED, REFUSED, WITHDRAWN -> life || sentenceEnd == null
                    || sentenceEnd.isAfter(day);
            default -> true;
        };
    }

    /** Indexes the dates of birth of cases filed before V100 (idempotent: any node, any number of times). */
    @EventListener(ApplicationReadyEvent.class)
    void indexEarlierCases() {
        List<Object[]> page;
        do {
            page = jdbc.sql("select id, date_of_birth from parole_case where birth_index is null fetch first ? rows only")
                    .param(BACKFILL_PAGE)
                    .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("date_of_birth")})
                    .list();
            for (Object[] row : page) {
                LocalDate born = LocalDate.parse(cipher.decrypt("parole.date_of_birth", (String) row[1]));
                jdbc.sql("update parole_case set birth_index = ? where id = ? and birth_index is null")
                        .params(cases.birthIndex(born), row[0]).update();
            }
        } while (page.size() == BACKFILL_PAGE);
    }
}
