package legion.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Reference;

/**
 * Volunteers have no account: they prove who they are with reference, passport number and date of birth, and then
 * a one-time code sent to the email address of the application: six digits, valid for {@link #VALIDITY}, single
 * use, at most {@link #MAX_ATTEMPTS} tries. Only a hash of the code is stored.
 */
@Service
public class VolunteerCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Intake intake;
    private final JdbcClient jdbc;
    private final VolunteerMail mail;
    private final MessageSource messages;

    VolunteerCodes(Intake intake, JdbcClient jdbc, VolunteerMail mail, MessageSource messages) {
        this.intake = intake;
        this.jdbc = jdbc;
        this.mail = mail;
        this.messages = messages;
    }

    /**
     * Sends a new code when the three details match a case (and returns its id); otherwise does nothing. Callers show
     * the same page either way, so nobody learns whether an application exists.
     */
    @Transactional
    public Optional<EnlistmentId> send(Reference reference, String passportNumber, LocalDate dateOfBirth, Locale locale) {
        Optional<Enlistment> found = intake.status(reference, passportNumber, dateOfBirth);
        if (found.isEmpty() || found.get().applicant().erased()) {
            return Optional.empty();
        }
        Enlistment e = found.get();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("delete from intake_volunteer_code where enlistment_id = ?").param(e.id().value()).update();
        jdbc.sql("insert into intake_volunteer_code (enlistment_id, code_hash, expires_at, attempts, sent_at) "
                        + "values (?, ?, ?, 0, ?)")
                .params(e.id().value(), hash(e.id().value(), code), now.plus(VALIDITY), now).update();
        mail.send(e.applicant().email(), messages.getMessage("mail.code.subject", null, locale),
                messages.getMessage("mail.code.body", new Object[] {code, e.reference().value(), VALIDITY.toMinutes()},
                        locale), locale);
        return Optional.of(e.id());
    }

    /** Checks a code: true once for the right, unexpired code within the allowed attempts. */
    @Transactional
    public boolean verify(EnlistmentId id, String code) {
        record Stored(String hash, OffsetDateTime expiresAt, int attempts) {
        }
        Optional<Stored> stored = jdbc.sql("select code_hash, expires_at, attempts from intake_volunteer_code "
                        + "where enlistment_id = ?")
                .param(id.value())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getInt(3)))
                .optional();
        if (stored.isEmpty()) {
            return false;
        }
        Stored r = stored.get();
        boolean expired = r.expiresAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC));
        boolean right = code != null && code.strip().matches("\\d{6}") && MessageDigest.isEqual(
                hash(id.value(), code.strip()).getBytes(StandardCharsets.US_ASCII),
                r.hash().getBytes(StandardCharsets.US_ASCII));
        if (right && !expired && r.attempts() < MAX_ATTEMPTS) {
            jdbc.sql("delete from intake_volunteer_code where enlistment_id = ?").param(id.value()).update();
            return true;
        }
        jdbc.sql("update intake_volunteer_code set attempts = attempts + 1 where enlistment_id = ?").param(id.value()).update();
        return false;
    }

    private static String hash(UUID id, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((id + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
