package legion.authorization;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The revocation list in table {@code authorization_revocation_list}, one row per published version. Publishing
 * locks the single row of {@code authorization_revocation_lock} before it reads the newest version, so concurrent
 * revocations on several nodes are serialized by the database and none is lost; it joins the caller's transaction
 * (the REVOKE of a case) or runs in its own.
 */
final class JdbcRevocationStore implements RevocationStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcRevocationStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public Optional<String> latest() {
        return jdbc.sql("select signed from authorization_revocation_list order by sequence desc limit 1")
                .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .optional();
    }

    @Override
    public long latestSequence() {
        return jdbc.sql("select max(sequence) from authorization_revocation_list")
                .query((rs, n) -> rs.getObject(1) == null ? -1L : rs.getLong(1))
                .single();
    }

    @Override
    public RevocationList publish(Function<Optional<String>, RevocationList> next) {
        return transactions.execute(status -> {
            jdbc.sql("update authorization_revocation_lock set id = id where id = 1").update();
            RevocationList list = next.apply(latest());
            if (list != null) {
                jdbc.sql("insert into authorization_revocation_list (sequence, signed, published_at) values (?, ?, ?)")
                        .params(list.sequence(), list.serialize().getBytes(StandardCharsets.UTF_8),
                                OffsetDateTime.now(ZoneOffset.UTC))
                        .update();
            }
            return list;
        });
    }
}
