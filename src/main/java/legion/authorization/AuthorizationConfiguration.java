package legion.authorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import legion.authorization.internal.SigningKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds {@link TravelAuthorizations} from {@code legion.authorization.*} properties. The PKI (root and first
 * signer) is created on first start. With a database (whenever Legion serves) the keystore and the revocation list
 * live in it, so that every node signs with and verifies against the same PKI; all nodes then need the same
 * {@code keystore-password}.
 *
 * <ul>
 *   <li>{@code keystore-path}: PKCS#12 file of tools without a database, default
 *   {@code ${legion.data-dir:./data}/authorization/signing.p12}; with a database, a file found there is taken over
 *   into an empty database once</li>
 *   <li>{@code keystore-password}: when empty, one is generated into {@code <keystore-path>.password} (0600)</li>
 *   <li>{@code curve}: named curve of new keys, default {@code secp256r1}</li>
 *   <li>{@code signer-identifier}: country and two characters naming the signer in seals, default {@code UALG}</li>
 *   <li>{@code issuing-country}: three-letter issuing country/state of the seals, default {@code UKR}</li>
 *   <li>{@code signer-validity-days} (730), {@code root-validity-days} (3650)</li>
 *   <li>{@code revocation-list-path}: empty (the default) keeps the revocation list in the database, shared by
 *   all nodes (a list left in {@code revocations.txt} beside the keystore by an earlier version is taken over once);
 *   a path keeps it in that file instead, for a single node only</li>
 *   <li>{@code revocation-refresh-ms}: how often a node asks the database for a list published by another node
 *   (1000)</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationConfiguration {

    @Bean
    TravelAuthorizations travelAuthorizations(
            @Value("${legion.authorization.keystore-path:${legion.data-dir:./data}/authorization/signing.p12}")
            String keystorePath,
            @Value("${legion.authorization.keystore-password:}") String keystorePassword,
            @Value("${legion.authorization.curve:secp256r1}") String curve,
            @Value("${legion.authorization.signer-identifier:UALG}") String signerIdentifier,
            @Value("${legion.authorization.issuing-country:UKR}") String issuingCountry,
            @Value("${legion.authorization.signer-validity-days:730}") int signerValidityDays,
            @Value("${legion.authorization.root-validity-days:3650}") int rootValidityDays,
            @Value("${legion.authorization.revocation-list-path:}") String revocationListPath,
            @Value("${legion.authorization.revocation-refresh-ms:1000}") long refreshMillis,
            ObjectProvider<Clock> clocks, ObjectProvider<JdbcClient> jdbc,
            ObjectProvider<PlatformTransactionManager> transactionManager) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        Path keystore = Path.of(keystorePath);
        SigningKeys.Settings settings = new SigningKeys.Settings(keystore, keystorePassword, curve, signerIdentifier,
                Duration.ofDays(rootValidityDays), Duration.ofDays(signerValidityDays));
        boolean database = jdbc.getIfAvailable() != null && transactionManager.getIfAvailable() != null;
        Path legacyList = keystore.resolveSibling("revocations.txt");
        SigningKeys keys;
        RevocationStore store;
        if (database) {
            JdbcKeystoreStorage storage = new JdbcKeystoreStorage(jdbc.getObject(), transactionManager.getObject());
            takeOverKeystore(keystore, storage);
            keys = SigningKeys.open(settings, storage, clock);
        } else {
            keys = SigningKeys.open(settings, clock); // no database: a tool context
        }
        if (!revocationListPath.isBlank()) {
            store = new FileRevocationStore(Path.of(revocationListPath));
        } else if (database) {
            store = new JdbcRevocationStore(jdbc.getObject(), transactionManager.getObject());
            takeOverRevocations(legacyList, store);
        } else {
            store = new FileRevocationStore(legacyList);
        }
        return new TravelAuthorizations(keys, store, issuingCountry, clock, Duration.ofMillis(refreshMillis));
    }

    /** The audit head's signer: the PKI's current signer at the time it is asked for (ADR 0070). */
    @Bean
    @org.springframework.context.annotation.Scope("prototype")
    legion.audit.AuditHeadSigner auditHeadSigner(TravelAuthorizations authorizations) {
        return new PkiAuditSigner(authorizations.currentSigner(), authorizations.rootCertificate());
    }

    /** Moves a keystore file an earlier version made into an empty database, once. */
    private static void takeOverKeystore(Path file, SigningKeys.Storage storage) {
        if (Files.exists(file) && storage.version() < 0) {
            try {
                storage.save(Files.readAllBytes(file), -1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Moves a list an earlier version kept in a file into an empty database (its signature is checked on load). */
    private static void takeOverRevocations(Path legacyFile, RevocationStore store) {
        if (!Files.exists(legacyFile) || store.latestSequence() >= 0) {
            return;
        }
        try {
            String text = Files.readString(legacyFile, StandardCharsets.UTF_8);
            store.publish(latest -> latest.isPresent() ? null : RevocationList.parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
