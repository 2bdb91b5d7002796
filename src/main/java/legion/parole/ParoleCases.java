package legion.parole;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import legion.parole.Records.Consent;
import legion.parole.Records.HighestLevelRelease;
import legion.parole.Records.Ruling;
import legion.parole.Records.Service;
import legion.parole.policy.Outcome;
import legion.privacy.FieldCipher;

/**
 * Parole cases in SQL ({@code parole_case}, {@code parole_history}): the convict's personal data encrypted with the
 * platform's {@link FieldCipher}, the history append-only, optimistic locking on {@code version}. Events are
 * published in the storing transaction.
 */
@Repository
public class ParoleCases implements legion.privacy.Reencryptable {

    /** The encrypted columns of {@code parole_case}, each its own associated data. */
    private static final java.util.Map<String, String> CASE_FIELDS = java.util.Map.of("full_name", "parole.full_name",
            "date_of_birth", "parole.date_of_birth", "prisoner_number", "parole.prisoner_number",
            "offences", "parole.offences");
    private static final String EVENT_OFFENCE = "parole.service_offence";
    private static final String EVENT_DETAILS = "parole.service_details";

    private static final String COLUMNS = "id, reference, facility, stage, version, filed_at, updated_at, full_name, "
            + "date_of_birth, prisoner_number, offences, sentence_end, life_sentence, responsible_post, consent_at, "
            + "consent_witness, withdrawn_at, withdrawal_witness, policy_version, outcome, eligible_from, rules, "
            + "commander_unit, ruling_court, ruling_case_number, ruling_effective_at, authority, authority_reference, "
            + "authority_decided_on, hand_over_due, handed_over_at, service_unit, service_position";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;
    private final FieldCipher cipher;

    ParoleCases(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
        this.cipher = cipher;
    }

    @Transactional
    public void add(ParoleCase c) {
        ParoleCase.State s = c.state();
        Convict v = s.convict;
        jdbc.sql("insert into parole_case (" + COLUMNS + ", crypto_key, birth_index) values (?, ?, ?, ?, 0, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id.value(), s.reference.value(), s.facility, s.stage.name(), ts(s.filedAt),
                        ts(s.updatedAt), cipher.encrypt("parole.full_name", v.fullName()),
                        cipher.encrypt("parole.date_of_birth", v.dateOfBirth().toString()),
                        cipher.encrypt("parole.prisoner_number", v.prisonerNumber()),
                        cipher.encrypt("parole.offences", v.offences()), v.sentenceEnd(), v.lifeSentence(),
                        v.responsiblePost(), ts(s.consent.at()), s.consent.witness(),
                        s.withdrawal == null ? null : ts(s.withdrawal.at()),
                        s.withdrawal == null ? null : s.withdrawal.witness(), s.verdict.policyVersion(),
                        s.verdict.outcome().name(), s.verdict.eligibleFrom(), s.verdict.rules(), s.commanderUnit,
                        s.ruling == null ? null : s.ruling.court(), s.ruling == null ? null : s.ruling.caseNumber(),
                        s.ruling == null ? null : ts(s.ruling.effectiveAt()),
                        s.highestLevel == null ? null : s.highestLevel.authority(),
                        s.highestLevel == null ? null : s.highestLevel.reference(),
                        s.highestLevel == null ? null : s.highestLevel.decidedOn(), ts(s.handOverDue),
                        ts(s.handedOverAt), s.service == null ? null : s.service.unit(),
                        s.service == null ? null : s.service.position(), cipher.currentKeyId(),
                        birthIndex(v.dateOfBirth()))
                .update();
        insertHistory(c);
        insertServiceEvents(c);
        publish(c);
    }

    /** The blind index of a convict's date of birth ({@code birth_index}, V100): how {@link ConvictLookup} finds them. */
    String birthIndex(LocalDate dateOfBirth) {
        return cipher.blindIndex("parole.date_of_birth", dateOfBirth.toString());
    }

    /** Stores a changed case; refused when someone else changed it since it was read. */
    @Transactional
    public void update(ParoleCase c) {
        ParoleCase.State s = c.state();
        int rows = jdbc.sql("update parole_case set stage = ?, version = version + 1, updated_at = ?, "
                        + "withdrawn_at = ?, withdrawal_witness = ?, policy_version = ?, outcome = ?, eligible_from = ?, "
                        + "rules = ?, commander_unit = ?, ruling_court = ?, ruling_case_number = ?, "
                        + "ruling_effective_at = ?, authority = ?, authority_reference = ?, authority_decided_on = ?, "
                        + "hand_over_due = ?, handed_over_at = ?, service_unit = ?, service_position = ? "
                        + "where id = ? and version = ?")
                .params(s.stage.name(), ts(s.updatedAt), s.withdrawal == null ? null : ts(s.withdrawal.at()),
                        s.withdrawal == null ? null : s.withdrawal.witness(), s.verdict.policyVersion(),
                        s.verdict.outcome().name(), s.verdict.eligibleFrom(), s.verdict.rules(), s.commanderUnit,
                        s.ruling == null ? null : s.ruling.court(), s.ruling == null ? null : s.ruling.caseNumber(),
                        s.ruling == null ? null : ts(s.ruling.effectiveAt()),
                        s.highestLevel == null ? null : s.highestLevel.authority(),
                        s.highestLevel == null ? null : s.highestLevel.reference(),
                        s.highestLevel == null ? null : s.highestLevel.decidedOn(), ts(s.handOverDue),
                        ts(s.handedOverAt), s.service == null ? null : s.service.unit(),
                        s.service == null ? null : s.service.position(), s.id.value(), s.version)
                .update();
        if (rows != 1) {
            throw concurrent();
        }
        try {
            insertHistory(c);
            insertServiceEvents(c);
        } catch (DuplicateKeyException e) {
            throw concurrent();
        }
        publish(c);
    }

    private static ParoleRefusedException concurrent() {
        return new ParoleRefusedException(ParoleRefusedException.Refusal.CONCURRENT_CHANGE, null,
                "the case was changed by someone else; read it again");
    }

    Optional<ParoleCase> findById(ParoleCaseId id) {
        return jdbc.sql("select " + COLUMNS + " from parole_case where id = ?").param(id.value())
                .query((rs, n) -> map(rs)).optional();
    }

    /** A page of open cases' ids by keyset on (filed at, id); {@code next} is null on the last page. */
    OpenPage openCases(String cursor, int limit) {
        StringBuilder sql = new StringBuilder("select id, filed_at from parole_case where stage in (");
        List<Object> params = new java.util.ArrayList<>();
        for (Stage s : Stage.open()) {
            sql.append(params.isEmpty() ? "?" : ", ?");
            params.add(s.name());
        }
        sql.append(")");
        if (cursor != null) {
            int bar = cursor.indexOf('|');
            sql.append(" and (filed_at > ? or (filed_at = ? and id > ?))");
            OffsetDateTime at = OffsetDateTime.parse(cursor.substring(0, bar));
            params.add(at);
            params.add(at);
            params.add(UUID.fromString(cursor.substring(bar + 1)));
        }
        sql.append(" order by filed_at, id fetch first ? rows only");
        params.add(limit);
        List<Object[]> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getObject("filed_at",
                        OffsetDateTime.class)}).list();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        String next = rows.size() < limit ? null
                : rows.get(rows.size() - 1)[1].toString() + "|" + rows.get(rows.size() - 1)[0];
        return new OpenPage(ids, next);
    }

    record OpenPage(List<UUID> ids, String next) {
    }

    /** A page of the ids of cases not ended (every stage but the final ones), by id after the given one. */
    List<UUID> notEnded(UUID after, int limit) {
        StringBuilder sql = new StringBuilder("select id from parole_case where stage not in (");
        List<Object> params = new java.util.ArrayList<>();
        for (Stage s : Stage.values()) {
            if (s.isFinal()) {
                sql.append(params.isEmpty() ? "?" : ", ?");
                params.add(s.name());
            }
        }
        sql.append(")");
        if (after != null) {
            sql.append(" and id > ?");
            params.add(after);
        }
        sql.append(" order by id fetch first ? rows only");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(UUID.class).list();
    }

    public Optional<ParoleCase> find(ParoleReference reference) {
        return jdbc.sql("select " + COLUMNS + " from parole_case where reference = ?").param(reference.value())
                .query((rs, n) -> map(rs)).optional();
    }

    private ParoleCase map(ResultSet rs) throws SQLException {
        ParoleCase.State s = new ParoleCase.State();
        UUID id = rs.getObject("id", UUID.class);
        s.id = new ParoleCaseId(id);
        s.reference = new ParoleReference(rs.getString("reference"));
        s.facility = rs.getString("facility");
        s.stage = Stage.valueOf(rs.getString("stage"));
        s.version = rs.getLong("version");
        s.filedAt = instant(rs, "filed_at");
        s.updatedAt = instant(rs, "updated_at");
        s.convict = new Convict(cipher.decrypt("parole.full_name", rs.getString("full_name")),
                LocalDate.parse(cipher.decrypt("parole.date_of_birth", rs.getString("date_of_birth"))),
                cipher.decrypt("parole.prisoner_number", rs.getString("prisoner_number")),
                cipher.decrypt("parole.offences", rs.getString("offences")),
                rs.getObject("sentence_end", LocalDate.class), rs.getBoolean("life_sentence"),
                rs.getBoolean("responsible_post"));
        s.consent = new Consent(instant(rs, "consent_at"), rs.getString("consent_witness"));
        Instant withdrawn = instant(rs, "withdrawn_at");
        s.withdrawal = withdrawn == null ? null : new Consent(withdrawn, rs.getString("withdrawal_witness"));
        s.verdict = new CaseVerdict(rs.getInt("policy_version"), Outcome.valueOf(rs.getString("outcome")),
                rs.getObject("eligible_from", LocalDate.class), rs.getString("rules"));
        s.commanderUnit = rs.getString("commander_unit");
        String caseNumber = rs.getString("ruling_case_number");
        s.ruling = caseNumber == null ? null
                : new Ruling(rs.getString("ruling_court"), caseNumber, instant(rs, "ruling_effective_at"));
        String authority = rs.getString("authority");
        s.highestLevel = authority == null ? null : new HighestLevelRelease(authority,
                rs.getString("authority_reference"), rs.getObject("authority_decided_on", LocalDate.class));
        s.handOverDue = instant(rs, "hand_over_due");
        s.handedOverAt = instant(rs, "handed_over_at");
        String unit = rs.getString("service_unit");
        s.service = unit == null ? null : new Service(unit, rs.getString("service_position"));
        s.history = history(id);
        s.serviceEvents = serviceEvents(id);
        return ParoleCase.restore(s);
    }

    private List<ServiceEvent> serviceEvents(UUID id) {
        return jdbc.sql("select seq, kind, occurred_on, recorded_at, actor, actor_role, offence, details "
                        + "from parole_service_event where case_id = ? order by seq")
                .param(id)
                .query((rs, n) -> new ServiceEvent(rs.getInt("seq"), ServiceEventKind.valueOf(rs.getString("kind")),
                        rs.getObject("occurred_on", LocalDate.class), instant(rs, "recorded_at"), rs.getString("actor"),
                        rs.getString("actor_role"), decrypt(EVENT_OFFENCE, rs.getString("offence")),
                        decrypt(EVENT_DETAILS, rs.getString("details"))))
                .list();
    }

    private void insertServiceEvents(ParoleCase c) {
        for (ServiceEvent e : c.drainNewServiceEvents()) {
            jdbc.sql("insert into parole_service_event (case_id, seq, kind, occurred_on, recorded_at, actor, actor_role, "
                            + "offence, details, crypto_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.id().value(), e.sequence(), e.kind().name(), e.occurredOn(), ts(e.recordedAt()),
                            e.actor(), e.actorRole(), encrypt(EVENT_OFFENCE, e.offence()),
                            encrypt(EVENT_DETAILS, e.details()), cipher.currentKeyId())
                    .update();
        }
    }

    private String encrypt(String field, String value) {
        return value == null ? null : cipher.encrypt(field, value);
    }

    private String decrypt(String field, String value) {
        return value == null ? null : cipher.decrypt(field, value);
    }

    /**
     * Brings the convicts' fields and the service events' details under the current data key (see
     * {@link legion.privacy.Reencryptable}): each row only if its key is still the one read.
     */
    @Override
    @Transactional
    public int reencrypt(int batch) {
        String current = cipher.currentKeyId();
        var rows = jdbc.sql("select id, crypto_key, full_name, date_of_birth, prisoner_number, offences "
                        + "from parole_case where crypto_key <> ? fetch first ? rows only")
                .params(current, batch).query().listOfRows();
        int done = 0;
        for (var row : rows) {
            List<Object> params = new java.util.ArrayList<>();
            for (String column : List.of("full_name", "date_of_birth", "prisoner_number", "offences")) {
                String field = CASE_FIELDS.get(column);
                params.add(cipher.encrypt(field, cipher.decrypt(field, row.get(column).toString())));
            }
            params.add(current);
            params.add(row.get("id"));
            params.add(row.get("crypto_key"));
            done += jdbc.sql("update parole_case set full_name = ?, date_of_birth = ?, prisoner_number = ?, "
                    + "offences = ?, crypto_key = ? where id = ? and crypto_key = ?").params(params).update();
        }
        if (done > 0) {
            return done;
        }
        var events = jdbc.sql("select case_id, seq, crypto_key, offence, details from parole_service_event "
                        + "where crypto_key is null or crypto_key <> ? fetch first ? rows only")
                .params(current, batch).query().listOfRows();
        for (var row : events) {
            Object oldKey = row.get("crypto_key");
            List<Object> params = new java.util.ArrayList<>();
            params.add(encrypt(EVENT_OFFENCE, decrypt(EVENT_OFFENCE, (String) row.get("offence"))));
            params.add(encrypt(EVENT_DETAILS, decrypt(EVENT_DETAILS, (String) row.get("details"))));
            params.add(current);
            params.add(row.get("case_id"));
            params.add(row.get("seq"));
            if (oldKey != null) {
                params.add(oldKey);
            }
            done += jdbc.sql("update parole_service_event set offence = ?, details = ?, crypto_key = ? "
                    + "where case_id = ? and seq = ? and " + (oldKey == null ? "crypto_key is null" : "crypto_key = ?"))
                    .params(params).update();
        }
        return done;
    }

    private List<HistoryEntry> history(UUID id) {
        return jdbc.sql("select seq, actor, actor_role, at, from_stage, to_stage, transition, reason "
                        + "from parole_history where case_id = ? order by seq")
                .param(id)
                .query((rs, n) -> new HistoryEntry(rs.getInt("seq"), rs.getString("actor"), rs.getString("actor_role"),
                        instant(rs, "at"), stage(rs.getString("from_stage")), Stage.valueOf(rs.getString("to_stage")),
                        rs.getString("transition") == null ? null : Transition.valueOf(rs.getString("transition")),
                        rs.getString("reason")))
                .list();
    }

    private void insertHistory(ParoleCase c) {
        List<HistoryEntry> entries = c.drainNewHistory();
        template.batchUpdate("insert into parole_history (case_id, seq, actor, actor_role, at, from_stage, to_stage, "
                        + "transition, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries, entries.size(), (ps, h) -> {
                    ps.setObject(1, c.id().value());
                    ps.setInt(2, h.sequence());
                    ps.setString(3, h.actor());
                    ps.setString(4, h.actorRole());
                    ps.setObject(5, ts(h.at()));
                    ps.setString(6, h.from() == null ? null : h.from().name());
                    ps.setString(7, h.to().name());
                    ps.setString(8, h.transition() == null ? null : h.transition().name());
                    ps.setString(9, h.reason());
                });
    }

    private void publish(ParoleCase c) {
        c.drainEvents().forEach(events::publishEvent);
    }

    private static Stage stage(String name) {
        return name == null ? null : Stage.valueOf(name);
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
