package legion.authorization;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import legion.authorization.internal.SigningKeys;

/** A throw-away PKI in a temporary directory. */
final class Pki {

    private Pki() {
    }

    static SigningKeys keys(Path directory, String curve, Clock clock) {
        return SigningKeys.open(new SigningKeys.Settings(directory.resolve("signing.p12"), "test-password", curve,
                "UALG", Duration.ofDays(3650), Duration.ofDays(730)), clock);
    }

    static TravelAuthorizations authorizations(Path directory, Clock clock) {
        return new TravelAuthorizations(keys(directory, "secp256r1", clock), directory.resolve("revocations.txt"),
                "UKR", clock);
    }
}
