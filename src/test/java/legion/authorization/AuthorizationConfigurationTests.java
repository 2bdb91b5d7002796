package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import legion.authorization.internal.SigningKeys;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AuthorizationConfigurationTests {

    @Test
    void createsThePkiUnderTheDataDirectoryOnFirstStart(@TempDir Path dataDir) {
        new ApplicationContextRunner()
                .withUserConfiguration(AuthorizationConfiguration.class)
                .withPropertyValues("legion.data-dir=" + dataDir, "legion.authorization.curve=secp384r1")
                .run(context -> {
                    TravelAuthorizations authorizations = context.getBean(TravelAuthorizations.class);
                    assertThat(dataDir.resolve("authorization/signing.p12")).exists();
                    assertThat(dataDir.resolve("authorization/signing.p12.password")).exists();
                    assertThat(dataDir.resolve("authorization/revocations.txt")).exists();
                    LocalDate today = LocalDate.now();
                    IssuedAuthorization issued = authorizations.issue(SealRequest.singleEntry("Dent", "Arthur",
                            LocalDate.of(1952, 3, 11), 'M', "GB", "1234567XY", today, today.plusDays(30), 30));
                    assertThat(authorizations.verify(issued.seal()).status()).isEqualTo(VerificationStatus.VALID);
                    assertThat(SealVerifier.decode(issued.seal()).signature()).hasSize(96);
                });
    }

    @Test
    void usesConfiguredKeystorePathAndPassword(@TempDir Path dir) {
        Path keystore = dir.resolve("keys/legion.p12");
        new ApplicationContextRunner()
                .withUserConfiguration(AuthorizationConfiguration.class)
                .withPropertyValues("legion.authorization.keystore-path=" + keystore,
                        "legion.authorization.keystore-password=from-a-secret-store")
                .run(context -> {
                    assertThat(context).hasSingleBean(TravelAuthorizations.class);
                    assertThat(keystore).exists();
                    assertThat(Files.exists(dir.resolve("keys/legion.p12.password"))).isFalse();
                });
    }

    @Test
    void takesOverTheKeystoreAndRevocationsAnEarlierVersionKeptInFiles(@TempDir Path dataDir) {
        // an earlier version: PKI and revocation list as files under the data directory
        Path files = dataDir.resolve("authorization");
        TravelAuthorizations before = new TravelAuthorizations(SigningKeys.open(new SigningKeys.Settings(
                files.resolve("signing.p12"), "kept-password", "secp256r1", "UALG", Duration.ofDays(3650),
                Duration.ofDays(730)), Clock.systemUTC()), files.resolve("revocations.txt"), "UKR", Clock.systemUTC());
        LocalDate today = LocalDate.now();
        IssuedAuthorization kept = before.issue(SealRequest.singleEntry("Dent", "Arthur", LocalDate.of(1952, 3, 11),
                'M', "GB", "1234567XY", today, today.plusDays(30), 30));
        IssuedAuthorization revoked = before.issue(SealRequest.singleEntry("Prefect", "Ford",
                LocalDate.of(1950, 1, 1), 'M', "GB", "7654321AB", today, today.plusDays(30), 30));
        before.revoke(revoked.authorizationNumber());

        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:takeover-" + java.util.UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        new ApplicationContextRunner()
                .withUserConfiguration(AuthorizationConfiguration.class)
                .withBean(JdbcClient.class, () -> jdbc)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
                .withPropertyValues("legion.data-dir=" + dataDir, "legion.authorization.keystore-password=kept-password")
                .run(context -> {
                    TravelAuthorizations after = context.getBean(TravelAuthorizations.class);
                    assertThat(after.verify(kept.seal()).status()).isEqualTo(VerificationStatus.VALID);
                    assertThat(after.verify(revoked.seal()).status()).isEqualTo(VerificationStatus.REVOKED);
                    assertThat(jdbc.sql("select count(*) from authorization_keystore").query(Long.class).single())
                            .isEqualTo(1);
                    assertThat(jdbc.sql("select count(*) from authorization_revocation_list").query(Long.class)
                            .single()).isEqualTo(1);
                });
    }
}
