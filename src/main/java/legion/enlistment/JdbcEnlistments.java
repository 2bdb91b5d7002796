package legion.enlistment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import legion.enlistment.Applicant.MilitaryExperience;
import legion.enlistment.Applicant.Passport;
import legion.privacy.FieldCipher;
import legion.privacy.Reencryptable;
import legion.shared.ServiceRole;
import legion.shared.Writes;

/**
 * Enlistments in SQL (hand-written: the history is append-only, which an ORM's delete-and-reinsert of child
 * collections would break; see docs/adr/0002-persistence-with-jdbc.md).
 */
@Repository
class JdbcEnlistments implements Enlistments, Reencryptable {

    /** The associated data of officers' reasons in the history (personal data: ADR 0080). */
    private static final String REASON = "history_reason";

    private static final String COLUMNS = "id, reference, stage, embassy_code, version, submitted_at, updated_at, "
            + "given_names, surname, date_of_birth, sex, nationality, country_of_residence, passport_number, "
            + "passport_country, passport_expiry, email, phone, languages, service_role, military_years, "
            + "military_branch, combat_deployments, criminal_record, law_acknowledged, recommended_by, "
            + "rejection_reason, assigned_role, unit, erased_at";

    private static final String INSERT_COLUMNS = COLUMNS.replace(", erased_at", "");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final FieldCipher cipher;
    private final Writes writes;
    private final EnlistmentQueries queries;

    JdbcEnlistments(JdbcClient jdbc, ApplicationEventPublisher events, FieldCipher cipher,
                    Writes writes) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.events = events;
        this.cipher = cipher;
        this.queries = new EnlistmentQueries(jdbc, cipher);
    }

    @Override
    @Transactional
    public void add(Enlistment e) {
        Applicant a = e.applicant();
        MilitaryExperience m = a.militaryExperience();
        writes.insert("insert into enlistment (" + INSERT_COLUMNS + ", stage_since, passport_bidx, email_bidx, crypto_key, "
                        + "surname_bidx, name_bidx) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?)",
                e.id().value(), e.reference().value(), e.stage().name(), e.embassyCode(), 0,
                        ts(e.submittedAt()), ts(e.updatedAt()), cipher.encrypt("given_names", a.givenNames()),
                        cipher.encrypt("surname", a.surname()),
                        cipher.encrypt("date_of_birth", a.dateOfBirth().toString()),
                        a.sex(), a.nationality(), a.countryOfResidence(),
                        cipher.encrypt("passport_number", a.passport().number()),
                        a.passport().issuingCountry(), a.passport().expiryDate(), cipher.encrypt("email", a.email()),
                        cipher.encrypt("phone", a.phone()),
                        a.languages().isEmpty() ? null : String.join(",", a.languages()), a.role().name(),
                        m == null ? null : m.years(), m == null ? null : cipher.encrypt("military_branch", m.branch()),
                        m == null ? null : m.combatDeployments(), a.criminalRecord(),
                        a.homeCountryLawAcknowledged(), e.recommendedBy(), name(e.rejectionReason()),
                        name(e.assignedRole()), e.unit(), ts(e.stageSince()),
                        passportIndex(a.passport().number()), emailIndex(a.email()), cipher.currentKeyId(),
                        surnameIndex(a.surname()), nameIndex(a.givenNames(), a.surname()));
        insertHistory(e);
        publish(e);
    }

    @Override
    @Transactional
    public void update(Enlistment e) {
        int rows = jdbc.sql("update enlistment set stage = ?, version = version + 1, updated_at = ?, stage_since = ?, "
                        + "recommended_by = ?, rejection_reason = ?, assigned_role = ?, unit = ? "
                        + "where id = ? and version = ?")
                .params(e.stage().name(), ts(e.updatedAt()), ts(e.stageSince()), e.recommendedBy(),
                        name(e.rejectionReason()), name(e.assignedRole()), e.unit(), e.id().value(), e.version())
                .update();
        if (rows != 1) {
            throw new ConcurrentChangeException(e.reference());
        }
        try {
            insertHistory(e);
        } catch (DuplicateKeyException ex) {
            throw new ConcurrentChangeException(e.reference());
        }
        e.stored();
        publish(e);
    }

    private void insertHistory(Enlistment e) {
        for (HistoryEntry h : e.drainNewHistory()) {
            writes.insert("insert into enlistment_history (enlistment_id, seq, actor, actor_role, at, from_stage, "
                            + "to_stage, transition, reason_code, reason, crypto_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.id().value(), h.sequence(), h.actor(), h.actorRole(), ts(h.at()), name(h.from()), h.to().name(),
                    name(h.transition()), h.reasonCode(), cipher.encrypt(REASON, h.reason()), cipher.currentKeyId());
        }
    }

    private void publish(Enlistment e) {
        e.drainEvents().forEach(events::publishEvent);
    }

    @Override
    public Optional<Enlistment> findByReference(Reference reference) {
        return find("reference = ?", reference.value());
    }

    @Override
    public Optional<Enlistment> findById(EnlistmentId id) {
        return find("id = ?", id.value());
    }

    private Optional<Enlistment> find(String where, Object param) {
        List<Enlistment> found = jdbc.sql("select " + COLUMNS + " from enlistment where " + where)
                .param(param)
                .query((rs, n) -> map(rs, this::history))
                .list();
        return found.stream().findFirst();
    }

    @Override
    public List<Enlistment> findAllById(java.util.Collection<EnlistmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> values = ids.stream().map(EnlistmentId::value).distinct().toList();
        String in = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        Map<UUID, List<HistoryEntry>> histories = new java.util.HashMap<>();
        jdbc.sql("select enlistment_id, seq, actor, actor_role, at, from_stage, to_stage, transition, reason_code, "
                        + "reason from enlistment_history where enlistment_id in (" + in + ") order by enlistment_id, seq")
                .params(new ArrayList<Object>(values))
                .query((rs, n) -> histories.computeIfAbsent(rs.getObject("enlistment_id", UUID.class),
                        k -> new ArrayList<>()).add(historyEntry(rs)))
                .list();
        return jdbc.sql("select " + COLUMNS + " from enlistment where id in (" + in + ")")
                .params(new ArrayList<Object>(values))
                .query((rs, n) -> map(rs, id -> histories.getOrDefault(id, List.of())))
                .list();
    }

    @Override
    public List<Standing> standingsByReference(Collection<Reference> references) {
        return queries.standingsByReference(references);
    }

    private Enlistment map(ResultSet rs, java.util.function.Function<UUID, List<HistoryEntry>> histories)
            throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        if (rs.getObject("erased_at") != null) {
            return restore(rs, id, Applicant.erased(rs.getString("nationality"), rs.getString("country_of_residence"),
                    rs.getString("passport_country"), rs.getObject("passport_expiry", LocalDate.class),
                    ServiceRole.valueOf(rs.getString("service_role"))), histories.apply(id));
        }
        Integer years = (Integer) rs.getObject("military_years");
        MilitaryExperience experience = years == null ? null
                : new MilitaryExperience(years, cipher.decrypt("military_branch", rs.getString("military_branch")),
                rs.getInt("combat_deployments"));
        String languages = rs.getString("languages");
        Applicant applicant = new Applicant(cipher.decrypt("given_names", rs.getString("given_names")),
                cipher.decrypt("surname", rs.getString("surname")),
                LocalDate.parse(cipher.decrypt("date_of_birth", rs.getString("date_of_birth"))), rs.getString("sex"),
                rs.getString("nationality"), rs.getString("country_of_residence"),
                new Passport(cipher.decrypt("passport_number", rs.getString("passport_number")),
                        rs.getString("passport_country"), rs.getObject("passport_expiry", LocalDate.class)),
                cipher.decrypt("email", rs.getString("email")), cipher.decrypt("phone", rs.getString("phone")),
                languages == null ? List.of() : Arrays.asList(languages.split(",")),
                ServiceRole.valueOf(rs.getString("service_role")), experience, rs.getBoolean("criminal_record"),
                rs.getBoolean("law_acknowledged"));
        return restore(rs, id, applicant, histories.apply(id));
    }

    private Enlistment restore(ResultSet rs, UUID id, Applicant applicant, List<HistoryEntry> history)
            throws SQLException {
        String rejection = rs.getString("rejection_reason");
        String assigned = rs.getString("assigned_role");
        return Enlistment.restore(new EnlistmentId(id), new Reference(rs.getString("reference")), applicant,
                rs.getString("embassy_code"), instant(rs, "submitted_at"), rs.getLong("version"),
                Stage.valueOf(rs.getString("stage")), instant(rs, "updated_at"), rs.getString("recommended_by"),
                rejection == null ? null : RejectionReason.valueOf(rejection),
                assigned == null ? null : ServiceRole.valueOf(assigned), rs.getString("unit"), history);
    }

    private List<HistoryEntry> history(UUID id) {
        return jdbc.sql("select seq, actor, actor_role, at, from_stage, to_stage, transition, reason_code, reason "
                        + "from enlistment_history where enlistment_id = ? order by seq")
                .param(id)
                .query((rs, n) -> historyEntry(rs))
                .list();
    }

    private HistoryEntry historyEntry(ResultSet rs) throws SQLException {
        return new HistoryEntry(rs.getInt("seq"), rs.getString("actor"), rs.getString("actor_role"), instant(rs, "at"),
                rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
                Stage.valueOf(rs.getString("to_stage")),
                rs.getString("transition") == null ? null : Transition.valueOf(rs.getString("transition")),
                rs.getString("reason_code"), cipher.decrypt(REASON, rs.getString("reason")));
    }

    @Override
    public List<CaseSummary> queue(QueueQuery q) {
        return queries.queue(q);
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from enlistment").query(Long.class).single();
    }

    @Override
    public Map<Stage, Long> countByStage(String embassyCode) {
        return queries.countByStage(embassyCode);
    }

    private String passportIndex(String number) {
        return passportIndex(cipher, number);
    }

    /** The blind index of a passport number, as stored and as looked up (here and by {@link EnlistmentQueries}). */
    static String passportIndex(FieldCipher cipher, String number) {
        return cipher.blindIndex("passport_number", number);
    }

    private String surnameIndex(String surname) {
        return surname == null ? null : cipher.blindIndex("surname", SearchKeys.name(surname));
    }

    private String nameIndex(String givenNames, String surname) {
        return surname == null ? null : cipher.blindIndex("full_name", SearchKeys.fullName(givenNames, surname));
    }

    private String emailIndex(String email) {
        return emailIndex(cipher, email);
    }

    /** The blind index of an e-mail address, as stored and as looked up. */
    static String emailIndex(FieldCipher cipher, String email) {
        return email == null ? null : cipher.blindIndex("email", email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public List<Reference> findByPassportNumber(String passportNumber) {
        return queries.findByPassportNumber(passportNumber);
    }

    @Override
    public Map<String, List<Reference>> findByPassportNumbers(Collection<String> passportNumbers) {
        return queries.findByPassportNumbers(passportNumbers);
    }

    @Override
    public List<EnlistmentId> idsInStages(Set<Stage> stages, EnlistmentId after, int limit) {
        return queries.idsInStages(stages, after, limit);
    }

    @Override
    public List<EnlistmentId> submittedSince(Instant since) {
        return queries.submittedSince(since);
    }

    @Override
    public List<Reference> findByEmail(String email) {
        return queries.findByEmail(email);
    }

    /** Re-encrypts cases first, then history reasons (erased cases' history too: reasons are officers' text). */
    @Override
    @Transactional
    public int reencrypt(int batch) {
        int cases = reencryptCases(batch);
        return cases > 0 ? cases : reencryptHistory(batch);
    }

    private int reencryptHistory(int batch) {
        String current = cipher.currentKeyId();
        var rows = jdbc.sql("select enlistment_id, seq, crypto_key, reason from enlistment_history "
                        + "where crypto_key is null or crypto_key <> ? limit ?")
                .params(current, batch).query().listOfRows();
        int done = 0;
        for (var row : rows) {
            Object oldKey = row.get("crypto_key");
            Object reason = row.get("reason");
            done += jdbc.sql("update enlistment_history set reason = ?, crypto_key = ? where enlistment_id = ? "
                            + "and seq = ? and " + (oldKey == null ? "crypto_key is null" : "crypto_key = ?"))
                    .params(reason == null ? null : cipher.encrypt(REASON, cipher.decrypt(REASON, reason.toString())),
                            current, row.get("enlistment_id"), row.get("seq"))
                    .params(oldKey == null ? List.of() : List.of(oldKey))
                    .update();
        }
        return done;
    }

    private int reencryptCases(int batch) {
        // cases stored before the name indexes existed (V77) get them on this pass too
        List<UUID> ids = jdbc.sql("select id from enlistment where erased_at is null and (crypto_key is null "
                        + "or crypto_key <> ? or surname_bidx is null) limit ?")
                .params(cipher.currentKeyId(), batch).query(UUID.class).list();
        int done = 0;
        for (UUID id : ids) {
            var row = jdbc.sql("select crypto_key, given_names, surname, date_of_birth, passport_number, email, phone, "
                    + "military_branch from enlistment where id = ?").param(id).query().singleRow();
            Object oldKey = row.get("crypto_key");
            String passport = cipher.decrypt("passport_number", (String) row.get("passport_number"));
            String email = cipher.decrypt("email", (String) row.get("email"));
            String given = cipher.decrypt("given_names", (String) row.get("given_names"));
            String surname = cipher.decrypt("surname", (String) row.get("surname"));
            done += jdbc.sql("update enlistment set given_names = ?, surname = ?, date_of_birth = ?, passport_number = ?, "
                            + "email = ?, phone = ?, military_branch = ?, passport_bidx = ?, email_bidx = ?, crypto_key = ?, "
                            + "surname_bidx = ?, name_bidx = ? "
                            + "where id = ? and " + (oldKey == null ? "crypto_key is null" : "crypto_key = ?"))
                    .params(reencrypt("given_names", row), reencrypt("surname", row), reencrypt("date_of_birth", row),
                            cipher.encrypt("passport_number", passport), cipher.encrypt("email", email),
                            reencrypt("phone", row), reencrypt("military_branch", row), passportIndex(passport),
                            emailIndex(email), cipher.currentKeyId(), surnameIndex(surname), nameIndex(given, surname), id)
                    .params(oldKey == null ? List.of() : List.of(oldKey))
                    .update();
        }
        return done;
    }

    @Override
    @Transactional
    public boolean erasePersonalData(EnlistmentId id) {
        return jdbc.sql("update enlistment set given_names = null, surname = null, date_of_birth = null, "
                        + "passport_number = null, email = null, phone = null, military_branch = null, "
                        + "passport_bidx = null, email_bidx = null, surname_bidx = null, name_bidx = null, erased_at = ? "
                        + "where id = ? and erased_at is null")
                .params(ts(Instant.now()), id.value()).update() == 1;
    }

    @Override
    public List<EnlistmentId> dueForErasure(Instant decidedBefore, int limit) {
        return jdbc.sql("select id from enlistment where stage in ('REJECTED', 'WITHDRAWN', 'REVOKED') "
                        + "and erased_at is null and updated_at < ? order by updated_at limit ?")
                .params(ts(decidedBefore), limit)
                .query((rs, n) -> new EnlistmentId(rs.getObject(1, UUID.class))).list();
    }

    private String reencrypt(String column, Map<String, Object> row) {
        Object value = row.get(column);
        return value == null ? null : cipher.encrypt(column, cipher.decrypt(column, value.toString()));
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
