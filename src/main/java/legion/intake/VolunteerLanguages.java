package legion.intake;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import legion.enlistment.EnlistmentId;
import legion.shared.Writes;
import legion.web.Languages;

/**
 * The language a volunteer applied in: the language of every mail they are sent about their case and, beside
 * English, of their travel authorization letter. Recorded with the submission; English for a case without one.
 */
@Component
public class VolunteerLanguages {

    private final JdbcClient jdbc;
    private final Writes writes;

    VolunteerLanguages(JdbcClient jdbc, Writes writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** How dates and times are written for a volunteer of this language: the portal's English is British. */
    public static Locale writing(Locale language) {
        return language.getLanguage().equals("en") ? Locale.UK : language;
    }

    /** Records the language of a case (once: a second call keeps the first). */
    void record(EnlistmentId id, Locale language) {
        writes.insert("insert into intake_volunteer_language (enlistment_id, language) values (?, ?) on conflict do nothing",
                id.value(), Languages.closest(language).toLanguageTag());
    }

    /** The language of a case, one of {@link Languages#SUPPORTED}. */
    public Locale of(EnlistmentId id) {
        return jdbc.sql("select language from intake_volunteer_language where enlistment_id = ?").param(id.value())
                .query(String.class).optional().map(Locale::forLanguageTag).map(Languages::closest)
                .orElse(Locale.ENGLISH);
    }
}
