package legion.authorization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import legion.authorization.internal.SigningKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PKI keystore in the one row of {@code authorization_keystore}, shared by all nodes. Writes are compare-and-set
 * on the version and commit on their own (a signer added while a case is authorized stays added even if that case's
 * transaction rolls back: seals it signed elsewhere must keep verifying).
 */
final class JdbcKeystoreStorage implements SigningKeys.Storage {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    JdbcKeystoreStorage(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<Stored> load() {
        return jdbc.sql("select pkcs12, version from authorization_keystore where id = 1")
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getLong(2)))
                .optional();
    }

    @Override
    public long version() {
        return jdbc.sql("select version from authorization_keystore where id = 1").query(Long.class).optional()
                .orElse(-1L);
    }

    @Override
    public long save(byte[] pkcs12, long expected) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (expected < 0) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.sql(
                                "insert into authorization_keystore (id, version, pkcs12, updated_at) values (1, 0, ?, ?)")
                        .params(pkcs12, now).update());
                return 0;
            } catch (DuplicateKeyException e) {
                return -1; // another node created the PKI first
            }
        }
        Integer rows = ownTransaction.execute(status -> jdbc.sql(
                        "update authorization_keystore set version = ?, pkcs12 = ?, updated_at = ? where id = 1 and version = ?")
                .params(expected + 1, pkcs12, now, expected).update());
        return rows != null && rows == 1 ? expected + 1 : -1;
    }
}
