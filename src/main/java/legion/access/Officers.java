package legion.access;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import legion.privacy.FieldCipher;
import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.Unit;

/** The officers who may sign in to the console, with hashed passwords (bcrypt via a delegating encoder). */
@Service
public class Officers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final FieldCipher cipher;
    private final boolean replayProtection;

    Officers(JdbcClient jdbc, PasswordEncoder encoder, FieldCipher cipher,
             @Value("${legion.access.totp-replay-protection:true}") boolean replayProtection) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.cipher = cipher;
        this.replayProtection = replayProtection;
    }

    /** Whether the officer has a confirmed second factor. */
    public boolean hasSecondFactor(String username) {
        return jdbc.sql("select totp_enabled from access_officer where username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The officer's TOTP secret, creating an unconfirmed one for enrolment when there is none. */
    public String enrolmentSecret(String username) {
        String stored = jdbc.sql("select totp_secret from access_officer where username = ?").param(username)
                .query(String.class).optional().orElse(null);
        if (stored != null) {
            return cipher.decrypt("totp_secret", stored);
        }
        String secret = Totp.newSecret();
        jdbc.sql("update access_officer set totp_secret = ?, totp_enabled = false where username = ?")
                .params(cipher.encrypt("totp_secret", secret), username).update();
        return secret;
    }

    /** Sets and confirms a second factor (demo seeding, tests, administrators' resets). */
    public void setSecondFactor(String username, String base32Secret) {
        jdbc.sql("update access_officer set totp_secret = ?, totp_enabled = true, totp_last_step = 0 where username = ?")
                .params(cipher.encrypt("totp_secret", base32Secret), username).update();
    }

    /**
     * Checks a one-time code. With replay protection (the default) a code is accepted once: its time step must be
     * later than the last one used. {@code confirm} turns an enrolment secret into the officer's second factor.
     */
    public boolean checkCode(String username, String code, boolean confirm) {
        String stored = jdbc.sql("select totp_secret from access_officer where username = ?").param(username)
                .query(String.class).optional().orElse(null);
        if (stored == null) {
            return false;
        }
        var step = Totp.matchingStep(cipher.decrypt("totp_secret", stored), code, java.time.Instant.now());
        if (step.isEmpty()) {
            return false;
        }
        int updated = jdbc.sql("update access_officer set totp_last_step = ?"
                        + (confirm ? ", totp_enabled = true" : "") + " where username = ?"
                        + (replayProtection ? " and totp_last_step < ?" : ""))
                .params(replayProtection ? List.of(step.getAsLong(), username, step.getAsLong())
                        : List.of(step.getAsLong(), username))
                .update();
        return updated == 1;
    }

    /** For API calls: a valid current code, replays allowed within its window (one code, several requests). */
    public boolean checkApiCode(String username, String code) {
        return apiCode(username, code).accepted();
    }

    /** The outcome of an API call's one-time code, and whether wrong codes were counted before it. */
    record ApiCode(boolean accepted, boolean failedBefore) {
    }

    /**
     * As {@link #checkApiCode}, reading the count of wrong codes in the same statement: an accepted code resets a
     * count only when there is one, so the usual call costs one read and no write.
     */
    ApiCode apiCode(String username, String code) {
        record Stored(String secret, int failed) {
        }
        Stored stored = jdbc.sql("select totp_secret, failed_codes from access_officer "
                        + "where username = ? and totp_enabled = true")
                .param(username).query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2))).optional().orElse(null);
        boolean accepted = stored != null && stored.secret() != null
                && Totp.matchingStep(cipher.decrypt("totp_secret", stored.secret()), code, java.time.Instant.now())
                        .isPresent();
        return new ApiCode(accepted, stored != null && stored.failed() != 0);
    }

    @Override
    public OfficerPrincipal loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown officer"));
    }

    public Optional<OfficerPrincipal> find(String username) {
        return jdbc.sql("select username, display_name, password_hash, role, unit_kind, unit_code, enabled, "
                        + "code_locked_at is not null from access_officer where username = ?")
                .param(username)
                .query((rs, n) -> new OfficerPrincipal(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), unit(rs.getString(5), rs.getString(6)), rs.getBoolean(7),
                        rs.getBoolean(8)))
                .optional();
    }

    public List<OfficerPrincipal> all() {
        return jdbc.sql("select username, display_name, password_hash, role, unit_kind, unit_code, enabled, "
                        + "code_locked_at is not null from access_officer order by role, username")
                .query((rs, n) -> new OfficerPrincipal(rs.getString(1), rs.getString(2), "", Role.valueOf(rs.getString(4)),
                        unit(rs.getString(5), rs.getString(6)), rs.getBoolean(7), rs.getBoolean(8)))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from access_officer").query(Long.class).single();
    }

    /** Creates an officer with an embassy code (kept for embassy officers only); the password is stored as a hash. */
    public void create(String username, String displayName, String rawPassword, Role role, String embassyCode) {
        createInUnit(username, displayName, rawPassword, role,
                role == Role.EMBASSY_OFFICER && embassyCode != null ? Unit.embassy(embassyCode) : null);
    }

    /**
     * Creates an officer working in a unit (or in none: null); the password is stored only as a hash.
     *
     * @throws IllegalArgumentException when the role is no officer's or needs a unit of another kind
     */
    public void createInUnit(String username, String displayName, String rawPassword, Role role, Unit unit) {
        if (!role.isOfficer()) {
            throw new IllegalArgumentException("not an officer role");
        }
        Actor.inUnit(username, role, unit); // the role's unit rule, in one place
        jdbc.sql("insert into access_officer (username, display_name, password_hash, role, embassy_code, unit_kind, "
                        + "unit_code, enabled, created_at) values (?, ?, ?, ?, ?, ?, ?, true, ?)")
                .params(username, displayName, encoder.encode(rawPassword), role.name(),
                        unit != null && unit.is(Unit.EMBASSY) ? unit.code() : null,
                        unit == null ? null : unit.kind(), unit == null ? null : unit.code(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** Associated data of the officers' encrypted mail addresses. */
    private static final String MAIL_ADDRESS = "access_officer.mail_address";

    /**
     * Sets (or, with null, removes) the address an officer is told at by the programs' notices (e.g. a prosecutor's
     * referrals); stored encrypted.
     *
     * @throws IllegalArgumentException when the address is not one address of at most 254 characters
     */
    public void setMailAddress(String username, String address) {
        String kept = address == null || address.isBlank() ? null : address.strip();
        if (kept != null && (kept.length() > 254 || kept.indexOf('@') < 1 || kept.indexOf('@') == kept.length() - 1
                || kept.chars().anyMatch(c -> c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>'))) {
            throw new IllegalArgumentException("not a mail address");
        }
        jdbc.sql("update access_officer set mail_address = ? where username = ?")
                .params(kept == null ? null : cipher.encrypt(MAIL_ADDRESS, kept), username).update();
    }

    /** The addresses of the enabled officers of a role who have one, by login name. */
    public java.util.Map<String, String> mailAddresses(Role role) {
        return mailAddresses(role, null);
    }

    /** The addresses of the enabled officers of a role working in the unit (null: in any) who have one. */
    public java.util.Map<String, String> mailAddresses(Role role, Unit unit) {
        java.util.Map<String, String> result = new java.util.TreeMap<>();
        jdbc.sql("select username, mail_address from access_officer where role = ? and enabled = true "
                        + "and mail_address is not null"
                        + (unit == null ? "" : " and unit_kind = ? and unit_code = ?"))
                .params(unit == null ? List.of(role.name()) : List.of(role.name(), unit.kind(), unit.code()))
                .query((rs, n) -> result.put(rs.getString(1), cipher.decrypt(MAIL_ADDRESS, rs.getString(2))))
                .list();
        return result;
    }

    /** Whether an officer with this login name exists. */
    public boolean exists(String username) {
        return jdbc.sql("select count(*) from access_officer where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    private static Unit unit(String kind, String code) {
        return kind == null || code == null ? null : new Unit(kind, code);
    }

    /** The actor behind an authentication, or empty when it is not an officer's. */
    public static Optional<Actor> actorOf(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OfficerPrincipal p) {
            return Optional.of(p.actor());
        }
        return Optional.empty();
    }
}
