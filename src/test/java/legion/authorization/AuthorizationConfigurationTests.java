package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

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
}
