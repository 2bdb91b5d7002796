package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import legion.authorization.internal.SigningKeys;

/**
 * The keystore row several nodes share, on a fresh database: nodes that start at once end up with one PKI, nodes that
 * add a signer at once keep both signers, and a node with another password is told so instead of signing alone.
 */
class SharedKeystoreStorageTest {

    @TempDir
    Path dir;
    JdbcClient jdbc;
    DataSourceTransactionManager transactions;

    @BeforeEach
    void freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keystore-" + java.util.UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    private SigningKeys node(String password) {
        return SigningKeys.open(new SigningKeys.Settings(dir.resolve("unused.p12"), password, "secp256r1", "UALG",
                Duration.ofDays(3650), Duration.ofDays(730)), new JdbcKeystoreStorage(jdbc, transactions),
                Clock.systemUTC());
    }

    private static <T> List<T> atOnce(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nodesStartingAtOnceOnAnEmptyDatabaseShareOnePki() throws Exception {
        List<SigningKeys> nodes = atOnce(4, () -> node("shared"));

        X509Certificate root = nodes.get(0).rootCertificate();
        for (SigningKeys n : nodes) {
            assertThat(n.rootCertificate()).isEqualTo(root);
            assertThat(n.signerCertificates()).isEqualTo(nodes.get(0).signerCertificates()).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from authorization_keystore").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void signersAddedOnTwoNodesAtOnceAreBothKept() throws Exception {
        SigningKeys first = node("shared");
        SigningKeys second = node("shared");

        List<SigningKeys> nodes = List.of(first, second);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<X509Certificate> added = atOnce(2, () -> nodes.get(next.getAndIncrement()).rotate().certificate());

        first.refresh();
        second.refresh();
        assertThat(first.signerCertificates()).hasSize(3).containsAll(added)
                .isEqualTo(second.signerCertificates());
    }

    @Test
    void aNodeWithAnotherPasswordIsToldSoAndDoesNotMakeItsOwnPki() {
        node("shared");

        assertThatIllegalStateException().isThrownBy(() -> node("another"))
                .withMessageContaining("keystore password");
        assertThat(jdbc.sql("select count(*) from authorization_keystore").query(Long.class).single()).isEqualTo(1);
    }
}
