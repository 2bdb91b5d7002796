package legion.authorization;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import legion.audit.AuditLog;
import legion.authorization.internal.SignerNames;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * What administrators see of and do with the signing PKI: the signer certificates (which one signs now, which have
 * expired), the root, the published revocation list, and adding a signer certificate (rotation). Every rotation is
 * audited.
 */
@Service
public class SigningKeysAdministration {

    private final TravelAuthorizations authorizations;
    private final AuditLog audit;
    private final Clock clock;

    SigningKeysAdministration(TravelAuthorizations authorizations, AuditLog audit, ObjectProvider<Clock> clocks) {
        this.authorizations = authorizations;
        this.audit = audit;
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
    }

    /** One signer certificate as administrators see it. */
    public record Signer(String signerIdentifier, String certificateReference, Instant notBefore, Instant notAfter,
                         int keyBits, boolean current, boolean expired) {
    }

    /** The root certificate: subject and validity. */
    public record Root(String subject, Instant notBefore, Instant notAfter) {
    }

    /** The published revocation list: sequence, issue time, number of revoked authorizations, signer. */
    public record Revocations(long sequence, Instant issued, int entries, String signer) {
    }

    public List<Signer> signers() {
        List<X509Certificate> all = authorizations.signerCertificates();
        Instant now = clock.instant();
        return all.stream().map(c -> new Signer(SignerNames.signerIdentifier(c).orElse("?"),
                        SignerNames.certificateReference(c), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                        c.getPublicKey() instanceof ECPublicKey ec ? ec.getParams().getCurve().getField().getFieldSize() : 0,
                        c == all.get(0), c.getNotAfter().toInstant().isBefore(now)))
                .toList();
    }

    public Root root() {
        X509Certificate root = authorizations.rootCertificate();
        return new Root(root.getSubjectX500Principal().getName(), root.getNotBefore().toInstant(),
                root.getNotAfter().toInstant());
    }

    public Revocations revocations() {
        RevocationList list = authorizations.currentRevocationList();
        return new Revocations(list.sequence(), list.issued(), list.entries().size(), list.signerKey());
    }

    /**
     * Adds a signer certificate under the root and makes it the one that signs; the older ones keep verifying the
     * seals they signed until they expire.
     *
     * @throws SecurityException when the actor is not an administrator
     */
    public X509Certificate addSigner(Actor actor) {
        if (actor.role() != Role.ADMINISTRATOR) {
            throw new SecurityException("only administrators manage signing keys");
        }
        X509Certificate added = authorizations.rotateSigner();
        audit.append(actor.id(), actor.role().name(), "SIGNER_ADDED", "pki",
                SignerNames.signerIdentifier(added).orElse("?") + SignerNames.certificateReference(added)
                        + " valid until " + added.getNotAfter().toInstant());
        return added;
    }
}
