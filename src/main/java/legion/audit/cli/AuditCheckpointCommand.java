package legion.audit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import legion.audit.AuditChain;
import legion.audit.AuditHeadSigner;
import legion.audit.AuditVerification;
import legion.audit.SignedHead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audit-checkpoint --output FILE}: verifies the audit log, then writes a checkpoint of its head (position,
 * link MAC, time, signature and key id, the signer's certificates) signed with the platform's current signing key,
 * to be kept where the database's writers cannot reach; {@code audit-verify --checkpoint FILE} later checks that the
 * log still holds it. A tampered log gets no checkpoint (exit 1); exit 2 when it cannot check or sign.
 */
@Command(name = "audit-checkpoint", mixinStandardHelpOptions = true,
        description = "Write a signed checkpoint of the audit log's head (exit 0 written, 1 tampered, 2 cannot).")
public class AuditCheckpointCommand implements Callable<Integer> {

    /** Opens the platform's signer outside the server (the module that keeps the signing keys provides it). */
    @FunctionalInterface
    public interface SignerSource {
        AuditHeadSigner open(DataSource database, Path dataDir, Map<String, String> settings) throws Exception;
    }

    @Mixin
    DatabaseOptions db;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "where to write the checkpoint")
    Path output;

    @Option(names = "--legion.authorization.keystore-password", description = "password of the signing keystore "
            + "(default $LEGION_AUTHORIZATION_KEYSTORE_PASSWORD, else the generated one in --legion.data-dir)")
    String keystorePassword;

    private final SignerSource signers;

    public AuditCheckpointCommand(SignerSource signers) {
        this.signers = signers;
    }

    @Override
    public Integer call() {
        try {
            AuditChain chain = db.chain();
            Path parent = output.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new DatabaseOptions.CannotCheck("the directory of " + output + " does not exist");
            }
            List<SignedHead> trusted = new ArrayList<>();
            Path witness = db.dataDir.resolve("audit").resolve("head.checkpoint");
            if (Files.exists(witness)) {
                trusted.add(AuditVerifyCommand.readCheckpoint(witness, "the node's signed head " + witness));
            }
            AuditVerification.Result v;
            try (Connection c = db.connect()) {
                v = AuditVerification.verify(c, chain, trusted);
                c.rollback();
            }
            if (v.outcome() == AuditVerification.Outcome.TAMPERED) {
                System.out.println("TAMPERED: " + v.problem() + " (chain intact up to position " + v.sealed()
                        + "); no checkpoint written");
                return 1;
            }
            if (v.outcome() == AuditVerification.Outcome.CANNOT_CHECK) {
                throw new DatabaseOptions.CannotCheck(v.problem());
            }
            if (v.sealed() == 0) {
                throw new DatabaseOptions.CannotCheck("the audit log has no sealed entry yet: nothing to checkpoint");
            }
            String jdbcUrl = db.jdbcUrl();
            DataSource database = new DriverManagerDataSource(jdbcUrl, db.user(jdbcUrl), db.password());
            String password = keystorePassword != null ? keystorePassword
                    : DatabaseOptions.env("LEGION_AUTHORIZATION_KEYSTORE_PASSWORD", "");
            AuditHeadSigner signer;
            try {
                signer = signers.open(database, db.dataDir, Map.of("keystore-password", password));
            } catch (Exception e) {
                throw new DatabaseOptions.CannotCheck("cannot open the signing key: " + e.getMessage());
            }
            SignedHead head = SignedHead.sign(signer, v.sealed(), v.headMac(), Instant.now());
            try {
                head.write(output);
            } catch (IOException e) {
                throw new DatabaseOptions.CannotCheck("cannot write " + output + ": " + e.getClass().getSimpleName());
            }
            System.out.println("CHECKPOINT: position " + head.position() + ", link " + head.mac() + ", signed "
                    + head.signedAt() + " by " + head.keyId() + ", written to " + output);
            return 0;
        } catch (DatabaseOptions.CannotCheck e) {
            System.err.println("audit-checkpoint: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            System.err.println("audit-checkpoint: cannot read the audit log: " + DatabaseOptions.describe(e));
            return 2;
        }
    }
}
