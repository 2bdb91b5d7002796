package legion.advisory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.enlistment.EnlistmentId;
import legion.shared.Actor;
import legion.shared.CountryCodes;
import legion.shared.Role;
import legion.shared.Writes;

/**
 * Home-country law advisories: the current one per country, its history (an edit adds a version), and the
 * acknowledgement each volunteer gave with the version they saw.
 */
@Service
public class Advisories {

    private final Writes writes;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    Advisories(JdbcClient jdbc, MessageSource messages, Writes writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.messages = messages;
    }

    /**
     * The current advisory for a country; "none on file" (version 0) when there is none.
     *
     * @throws IllegalArgumentException when the code is not an ISO 3166-1 alpha-2 country
     */
    public Advisory current(String country) {
        requireCountry(country);
        return jdbc.sql("select version from advisory where country = ? order by version desc limit 1")
                .param(country).query(Integer.class).optional()
                .flatMap(v -> version(country, v))
                .orElseGet(() -> Advisory.noneOnFile(country));
    }

    /** One version of a country's advisory (version 0 is "none on file"). */
    public Optional<Advisory> version(String country, int version) {
        if (version == 0) {
            return Optional.of(Advisory.noneOnFile(country));
        }
        return jdbc.sql("select status, summary, changed_at, changed_by from advisory where country = ? and version = ?")
                .params(country, version)
                .query((rs, n) -> new Advisory(country, version, AdvisoryStatus.valueOf(rs.getString(1)),
                        rs.getString(2), sources(country, version),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .optional();
    }

    /** Every version of a country's advisory, newest first. */
    public List<Advisory> history(String country) {
        requireCountry(country);
        return jdbc.sql("select version from advisory where country = ? order by version desc").param(country)
                .query(Integer.class).list().stream()
                .map(v -> version(country, v).orElseThrow()).toList();
    }

    /** The countries that have an advisory on file, with their current version. */
    public List<Advisory> onFile() {
        return jdbc.sql("select country, max(version) from advisory group by country order by country")
                .query((rs, n) -> version(rs.getString(1), rs.getInt(2)).orElseThrow()).list();
    }

    /** The plain-words summary in the given language: the advisory's own, or "no information on file". */
    public String summary(Advisory a, Locale locale) {
        return a.onFile() ? a.summary() : messages.getMessage("advisory.none", null, locale);
    }

    /**
     * An administrator changes a country's advisory: a new version; earlier versions stay as they were.
     *
     * @throws SecurityException when the actor is not an administrator
     * @throws IllegalArgumentException when the summary is blank or too long, or there is no source
     */
    @Transactional
    public Advisory edit(Actor actor, String country, AdvisoryStatus status, String summary,
                         List<Advisory.Source> sources) {
        cache.clear();
        if (actor.role() != Role.ADMINISTRATOR) {
            throw new SecurityException("only administrators edit advisories");
        }
        requireCountry(country);
        if (status == null || summary == null || summary.isBlank() || summary.strip().length() > 2000) {
            throw new IllegalArgumentException("an advisory needs a status and a summary of at most 2000 characters");
        }
        if (sources == null || sources.isEmpty() || sources.size() > 20) {
            throw new IllegalArgumentException("an advisory needs 1 to 20 sources");
        }
        if (legion.shared.TextRules.problem(summary.strip(), legion.shared.TextRules.Lines.MANY).isPresent()
                || sources.stream().anyMatch(src -> src == null || src.description() == null
                || !legion.shared.TextRules.acceptable(src.description().strip()))) {
            throw new IllegalArgumentException("an advisory's summary and sources need visible text without control "
                    + "or bidi characters");
        }
        int version = current(country).version() + 1;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            jdbc.sql("insert into advisory (country, version, status, summary, changed_at, changed_by) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(country, version, status.name(), summary.strip(), now, actor.id()).update();
        } catch (DuplicateKeyException e) {
            throw new AdvisoryConflictException();
        }
        for (int i = 0; i < sources.size(); i++) {
            Advisory.Source s = sources.get(i);
            jdbc.sql("insert into advisory_source (country, version, seq, description, source_date, url) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(country, version, i + 1, s.description().strip(), s.date(), s.url()).update();
        }
        return version(country, version).orElseThrow();
    }

    /** Records, in the caller's transaction, that a volunteer acknowledged the current advisory of their country. */
    public Advisory acknowledge(EnlistmentId enlistment, String country) {
        Advisory a = cachedCurrent(country);
        writes.insert("insert into advisory_acknowledgement (enlistment_id, country, advisory_version, acknowledged_at) "
                        + "values (?, ?, ?, ?)", enlistment.value(), country, a.version(), OffsetDateTime.now(ZoneOffset.UTC));
        return a;
    }

    /** Cached for a few seconds: read on every submission; an edit on another node is seen within that time. */
    private static final long CACHE_MILLIS = 5_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(Advisory advisory, long at) {
    }

    private Advisory cachedCurrent(String country) {
        Cached c = cache.get(country);
        long now = System.currentTimeMillis();
        if (c == null || now - c.at() > CACHE_MILLIS) {
            c = new Cached(current(country), now);
            cache.put(country, c);
        }
        return c.advisory();
    }

    /** The acknowledgement a volunteer gave when applying, if one was recorded. */
    public Optional<Acknowledgement> acknowledgementOf(EnlistmentId enlistment) {
        return jdbc.sql("select country, advisory_version, acknowledged_at from advisory_acknowledgement "
                        + "where enlistment_id = ?")
                .param(enlistment.value())
                .query((rs, n) -> new Acknowledgement(version(rs.getString(1), rs.getInt(2)).orElseThrow(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The advisory version a volunteer acknowledged, and when. */
    public record Acknowledgement(Advisory advisory, Instant at) {
    }

    private List<Advisory.Source> sources(String country, int version) {
        return jdbc.sql("select description, source_date, url from advisory_source where country = ? and version = ? "
                        + "order by seq")
                .params(country, version)
                .query((rs, n) -> new Advisory.Source(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private static void requireCountry(String country) {
        if (!CountryCodes.isValid(country)) {
            throw new IllegalArgumentException("not a country code");
        }
    }
}
