package legion.authorization;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import legion.authorization.internal.SigningKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds {@link TravelAuthorizations} from {@code legion.authorization.*} properties. The PKI (root and first
 * signer) is created on first start.
 *
 * <ul>
 *   <li>{@code keystore-path}: PKCS#12 file, default {@code ${legion.data-dir:./data}/authorization/signing.p12}</li>
 *   <li>{@code keystore-password}: when empty, one is generated into {@code <keystore-path>.password} (0600)</li>
 *   <li>{@code curve}: named curve of new keys, default {@code secp256r1}</li>
 *   <li>{@code signer-identifier}: country and two characters naming the signer in seals, default {@code UALG}</li>
 *   <li>{@code issuing-country}: three-letter issuing country/state of the seals, default {@code UKR}</li>
 *   <li>{@code signer-validity-days} (730), {@code root-validity-days} (3650)</li>
 *   <li>{@code revocation-list-path}: default {@code revocations.txt} beside the keystore</li>
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
            ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        Path keystore = Path.of(keystorePath);
        SigningKeys keys = SigningKeys.open(new SigningKeys.Settings(keystore, keystorePassword, curve,
                signerIdentifier, Duration.ofDays(rootValidityDays), Duration.ofDays(signerValidityDays)), clock);
        Path revocations = revocationListPath.isBlank() ? keystore.resolveSibling("revocations.txt")
                : Path.of(revocationListPath);
        return new TravelAuthorizations(keys, revocations, issuingCountry, clock);
    }
}
