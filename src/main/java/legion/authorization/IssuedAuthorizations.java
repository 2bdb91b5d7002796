package legion.authorization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentAuthorized;
import legion.enlistment.EnlistmentRevoked;
import legion.enlistment.Enlistments;
import legion.intake.VolunteerLanguages;

/**
 * The travel authorizations of cases. Issued when a case takes the AUTHORIZE edge and revoked when it takes REVOKE,
 * inside the same transaction: if signing fails, the case does not move.
 */
@Service
public class IssuedAuthorizations {

    private final TravelAuthorizations authorizations;
    private final Enlistments enlistments;
    private final JdbcClient jdbc;
    private final VolunteerLanguages languages;
    private final int validityDays;
    private final int stayDays;

    IssuedAuthorizations(TravelAuthorizations authorizations, Enlistments enlistments, JdbcClient jdbc,
                         VolunteerLanguages languages,
                         @Value("${legion.authorization.validity-days:90}") int validityDays,
                         @Value("${legion.authorization.duration-of-stay-days:90}") int stayDays) {
        this.authorizations = authorizations;
        this.enlistments = enlistments;
        this.jdbc = jdbc;
        this.languages = languages;
        this.validityDays = validityDays;
        this.stayDays = stayDays;
    }

    /** What is stored for a case's authorization. */
    public record Stored(String number, String signer, LocalDate validFrom, LocalDate validUntil, byte[] seal,
                         byte[] letter, boolean revoked) {
    }

    /** Synchronous: signing happens inside AUTHORIZE's transaction, so a case never stands authorized without a seal. */
    @EventListener
    void on(EnlistmentAuthorized event) {
        issue(enlistments.findById(event.id()).orElseThrow(), event.actor());
    }

    /** Synchronous: the revocation list changes in REVOKE's transaction. */
    @EventListener
    void on(EnlistmentRevoked event) {
        revoke(event.id().value(), event.actor());
    }

    private void issue(Enlistment e, String actor) {
        Applicant a = e.applicant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        IssuedAuthorization issued = authorizations.issue(SealRequest.singleEntry(a.surname(), a.givenNames(),
                a.dateOfBirth(), a.sex().charAt(0), a.nationality(), a.passport().number(), today,
                today.plusDays(validityDays), Math.min(stayDays, 255)), languages.of(e.id()));
        jdbc.sql("insert into authorization_travel (enlistment_id, authorization_number, signer, valid_from, valid_until, "
                        + "seal, letter, issued_at, issued_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id().value(), issued.authorizationNumber(), issued.signer(), issued.validFrom(),
                        issued.validUntil(), issued.seal(), issued.pdf(), OffsetDateTime.now(ZoneOffset.UTC), actor)
                .update();
    }

    private void revoke(UUID enlistmentId, String actor) {
        Optional<Stored> stored = find(enlistmentId);
        if (stored.isEmpty()) {
            return;
        }
        authorizations.revoke(stored.get().number());
        jdbc.sql("update authorization_travel set revoked_at = ?, revoked_by = ? where enlistment_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), actor, enlistmentId).update();
    }

    /** The case an authorization number was issued for. */
    public Optional<UUID> enlistmentOf(String authorizationNumber) {
        return jdbc.sql("select enlistment_id from authorization_travel where authorization_number = ?")
                .param(authorizationNumber).query(UUID.class).optional();
    }

    public Optional<Stored> find(UUID enlistmentId) {
        return jdbc.sql("select authorization_number, signer, valid_from, valid_until, seal, letter, revoked_at "
                        + "from authorization_travel where enlistment_id = ?")
                .param(enlistmentId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getBytes(5), rs.getBytes(6), rs.getObject(7) != null))
                .optional();
    }
}
