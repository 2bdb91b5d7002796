package legion.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs the chain head regularly ({@code legion.audit.sign-interval}, default one minute, when the head moved) with
 * the platform's {@link AuditHeadSigner}, and keeps each signed head twice: in {@code audit_head_signature}, where
 * every node and {@code audit-verify} see it, and in {@code <data-dir>/audit/head.checkpoint}, out of the reach of
 * the database's writers, which {@code audit-verify --legion.data-dir} checks the log still holds. A database writer
 * who deletes the tail and rolls the head back must delete the signed heads too, and cannot reach the file.
 */
@Component
class HeadSigning {

    private static final Logger log = LoggerFactory.getLogger(HeadSigning.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<AuditHeadSigner> signers;
    private final Clock clock;
    private final Duration interval;
    private final Path witness;
    private volatile Instant lastSigned = Instant.MIN;

    HeadSigning(JdbcClient jdbc, ObjectProvider<AuditHeadSigner> signers, ObjectProvider<Clock> clocks,
                @Value("${legion.audit.sign-interval:PT1M}") Duration interval,
                @Value("${legion.data-dir:./data}") String dataDir) {
        this.jdbc = jdbc;
        this.signers = signers;
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
        this.interval = interval;
        this.witness = witnessFile(Path.of(dataDir));
    }

    /** Where a node keeps the last head it signed. */
    static Path witnessFile(Path dataDir) {
        return dataDir.resolve("audit").resolve("head.checkpoint");
    }

    void signIfDue(AuditSealer.Head head) {
        if (!clock.instant().isBefore(lastSigned.plus(interval))) {
            signNow(head);
        }
    }

    /**
     * Signs the head this node sealed last if no head at or beyond it is signed yet; returns the new signed head, if
     * any. Only a head the node computed itself is signed, never one read back from the database.
     */
    Optional<SignedHead> signNow(AuditSealer.Head head) {
        AuditHeadSigner signer = signers.getIfAvailable();
        if (signer == null || head == null) {
            return Optional.empty();
        }
        Long signed = jdbc.sql("select max(chain_seq) from audit_head_signature").query(Long.class).optional()
                .orElse(null);
        lastSigned = clock.instant();
        if (head.position() == 0 || (signed != null && signed >= head.position())) {
            return Optional.empty();
        }
        String recorded = jdbc.sql("select mac from audit_chain_head where id = 1 and chain_seq = ?")
                .param(head.position()).query(String.class).optional().orElse(null);
        if (!AuditChain.same(head.mac(), recorded)) {
            return Optional.empty(); // sealed further since (by another node), or changed: not this node's to sign
        }
        SignedHead s = SignedHead.sign(signer, head.position(), head.mac(), clock.instant());
        jdbc.sql("insert into audit_head_signature (chain_seq, mac, signed_at, key_id, algorithm, signature, "
                        + "certificate) values (?, ?, ?, ?, ?, ?, ?)")
                .params(s.position(), s.mac(), OffsetDateTime.ofInstant(s.signedAt(), ZoneOffset.UTC), s.keyId(),
                        s.algorithm(), s.signatureText(), s.certificatesText())
                .update();
        try {
            Files.createDirectories(witness.getParent());
            s.write(witness);
        } catch (IOException e) {
            log.error("Cannot keep the signed audit head in {}: {}", witness, e.getMessage());
        }
        return Optional.of(s);
    }
}
