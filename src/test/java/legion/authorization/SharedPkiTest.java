package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import legion.authorization.internal.SigningKeys;
import legion.support.Eventually;
import legion.support.LegionIntegrationTest;

/**
 * Several nodes against one database: the application context is one node, {@link #secondNode} another (its own
 * keystore object and revocation cache, the same tables). Runs on H2 and on PostgreSQL.
 */
@LegionIntegrationTest
class SharedPkiTest {

    @Autowired
    TravelAuthorizations firstNode;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @TempDir
    Path dir;

    private TravelAuthorizations secondNode() {
        SigningKeys.Settings settings = new SigningKeys.Settings(dir.resolve("unused.p12"), "test-keystore-password",
                "secp256r1", "UALG", Duration.ofDays(3650), Duration.ofDays(730));
        SigningKeys keys = SigningKeys.open(settings, new JdbcKeystoreStorage(jdbc, transactionManager),
                Clock.systemUTC());
        return new TravelAuthorizations(keys, new JdbcRevocationStore(jdbc, transactionManager), "UKR",
                Clock.systemUTC(), Duration.ZERO);
    }

    private static IssuedAuthorization issue(TravelAuthorizations node) {
        LocalDate today = LocalDate.now();
        return node.issue(SealRequest.singleEntry("Dent", "Arthur", LocalDate.of(1952, 3, 11), 'M', "GB",
                "1234567XY", today, today.plusDays(30), 30));
    }

    @Test
    void nodesSignWithOnePkiAndSeeEachOthersRevocations() throws InterruptedException {
        TravelAuthorizations second = secondNode();
        IssuedAuthorization fromSecond = issue(second);
        IssuedAuthorization fromFirst = issue(firstNode);
        assertThat(firstNode.verify(fromSecond.seal()).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(second.verify(fromFirst.seal()).status()).isEqualTo(VerificationStatus.VALID);

        firstNode.revoke(fromSecond.authorizationNumber());
        assertThat(second.verify(fromSecond.seal()).status()).isEqualTo(VerificationStatus.REVOKED);

        second.revoke(fromFirst.authorizationNumber());
        assertThat(Eventually.equalTo(VerificationStatus.REVOKED, Duration.ofSeconds(4),
                () -> firstNode.verify(fromFirst.seal()).status()))
                .isEqualTo(VerificationStatus.REVOKED); // within the first node's refresh interval (1 s)
        assertThat(firstNode.currentRevocationList().isRevoked("UALG", fromSecond.authorizationNumber())).isTrue();
    }

    @Test
    void aSignerAddedOnOneNodeVerifiesOnTheOthers() throws InterruptedException {
        TravelAuthorizations second = secondNode();
        String before = issue(second).signer();
        var added = second.rotateSigner();
        IssuedAuthorization signedByNewSigner = issue(second);
        assertThat(signedByNewSigner.signer()).isNotEqualTo(before);

        assertThat(Eventually.equalTo(VerificationStatus.VALID, Duration.ofSeconds(4),
                () -> firstNode.verify(signedByNewSigner.seal()).status()))
                .isEqualTo(VerificationStatus.VALID);
        assertThat(firstNode.publishedCertificates()).contains(added);
    }

    @Test
    void concurrentRevocationsOnTwoNodesAreAllKept() throws Exception {
        TravelAuthorizations second = secondNode();
        List<TravelAuthorizations> nodes = List.of(firstNode, second);
        List<String> numbers = new ArrayList<>();
        // twelve distinct numbers, apart from those of earlier runs on the same database
        long base = java.util.concurrent.ThreadLocalRandom.current().nextLong(8_000_000);
        for (int i = 0; i < 12; i++) {
            numbers.add(String.format("CC%07d", base + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<RevocationList>> futures = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                TravelAuthorizations node = nodes.get(i % 2);
                String number = numbers.get(i);
                futures.add(pool.submit(() -> node.revoke(number)));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<RevocationList> f : futures) {
                sequences.add(f.get().sequence());
            }
            assertThat(sequences).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
        RevocationList current = second.currentRevocationList();
        for (String number : numbers) {
            assertThat(current.isRevoked("UALG", number)).as(number).isTrue();
        }
    }

    @Test
    void aRevocationRolledBackWithItsTransactionIsNeitherStoredNorUsed() {
        TravelAuthorizations second = secondNode();
        IssuedAuthorization issued = issue(second);
        long before = second.currentRevocationList().sequence();

        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                second.revoke(issued.authorizationNumber());
                throw new IllegalStateException("the REVOKE failed after the list was published");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(new JdbcRevocationStore(jdbc, transactionManager).latest().map(RevocationList::parse).orElseThrow()
                .isRevoked("UALG", issued.authorizationNumber())).isFalse();
        assertThat(second.currentRevocationList().sequence()).isGreaterThanOrEqualTo(before);
        assertThat(second.verify(issued.seal()).status()).isEqualTo(VerificationStatus.VALID);
    }
}
