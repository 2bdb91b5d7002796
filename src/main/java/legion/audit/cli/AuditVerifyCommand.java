package legion.audit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import legion.audit.AuditChain;
import legion.audit.AuditVerification;
import legion.audit.SignedHead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audit-verify}: checks the audit log's keyed chain in the configured database and reports the first changed,
 * removed, reordered or forged entry, and any signed head the log no longer holds: those stored in the database,
 * the node's own last signed head in {@code --legion.data-dir}, and the checkpoint given with {@code --checkpoint}.
 * Exit 0 when intact, 1 when tampered with, 2 when it cannot check.
 */
@Command(name = "audit-verify", mixinStandardHelpOptions = true,
        description = "Verify the audit log (exit 0 intact, 1 tampered, 2 cannot check).")
public class AuditVerifyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "a checkpoint written by audit-checkpoint: the log must still hold it")
    Path checkpoint;

    @Override
    public Integer call() {
        try {
            AuditChain chain = db.chain();
            List<SignedHead> trusted = new ArrayList<>();
            if (checkpoint != null) {
                trusted.add(readCheckpoint(checkpoint, "the checkpoint " + checkpoint));
            }
            Path witness = db.dataDir.resolve("audit").resolve("head.checkpoint");
            if (Files.exists(witness)) {
                trusted.add(readCheckpoint(witness, "the node's signed head " + witness));
            }
            try (Connection c = db.connect()) {
                AuditVerification.Result v = AuditVerification.verify(c, chain, trusted);
                c.rollback();
                switch (v.outcome()) {
                    case INTACT -> {
                        System.out.println("INTACT: " + v.sealed() + " audit entries verified"
                                + (v.unsealed() > 0 ? "; " + v.unsealed() + " newer entries not yet sealed" : "")
                                + (checkpoint != null ? "; the checkpoint is held" : ""));
                        return 0;
                    }
                    case TAMPERED -> {
                        System.out.println("TAMPERED: " + v.problem() + " (chain intact up to position "
                                + v.sealed() + ")");
                        return 1;
                    }
                    default -> {
                        System.err.println("audit-verify: cannot check: " + v.problem());
                        return 2;
                    }
                }
            }
        } catch (DatabaseOptions.CannotCheck e) {
            System.err.println("audit-verify: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            System.err.println("audit-verify: cannot read the audit log: " + DatabaseOptions.describe(e));
            return 2;
        }
    }

    /** A checkpoint file with a valid signature, or a reason to give up. */
    static SignedHead readCheckpoint(Path file, String what) throws DatabaseOptions.CannotCheck {
        SignedHead head;
        try {
            head = SignedHead.read(file);
        } catch (NoSuchFileException e) {
            throw new DatabaseOptions.CannotCheck(what + " does not exist");
        } catch (IOException e) {
            throw new DatabaseOptions.CannotCheck("cannot read " + what + ": " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            throw new DatabaseOptions.CannotCheck(what + " is unreadable: " + e.getMessage());
        }
        if (!head.signatureValid()) {
            throw new DatabaseOptions.CannotCheck(what + " has no valid signature (key " + head.keyId() + ")");
        }
        return head;
    }
}
