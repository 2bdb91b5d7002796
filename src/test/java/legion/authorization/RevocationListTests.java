package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import legion.authorization.internal.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationListTests {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    @TempDir
    static Path dir;
    static SigningKeys keys;

    @BeforeAll
    static void pki() {
        keys = Pki.keys(dir, "secp256r1", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static RevocationList signedList() {
        return RevocationList.create(3, NOW, List.of(
                new RevocationList.Entry("UALG", "ABC123XYZ", LocalDate.of(2026, 11, 27)),
                new RevocationList.Entry("UALG", "K7", LocalDate.of(2026, 11, 26)))).sign(keys.current());
    }

    @Test
    void serializesParsesAndVerifies() {
        RevocationList list = signedList();

        RevocationList parsed = RevocationList.parse(list.serialize());

        assertThat(parsed.verify(keys.signerCertificates())).isTrue();
        assertThat(parsed.sequence()).isEqualTo(3);
        assertThat(parsed.issued()).isEqualTo(NOW);
        assertThat(parsed.entries()).hasSize(2);
        assertThat(parsed.isRevoked("UALG", "ABC123XYZ")).isTrue();
        assertThat(parsed.isRevoked("UALG", "ABC123XY")).isFalse();
        assertThat(parsed.isRevoked("DETS", "ABC123XYZ")).isFalse();
        assertThat(parsed.signerKey()).isEqualTo(keys.current().signerIdentifier() + keys.current().certificateReference());
        assertThat(list.serialize()).startsWith("LEGION-REVOCATION-LIST 1\nsigner UALG ");
    }

    @Test
    void failsVerificationWhenAnEntryIsRemovedOrChanged() {
        String text = signedList().serialize();

        String removed = text.replaceAll("revoked UALG ABC123XYZ 2026-11-27\n", "");
        String changed = text.replace("ABC123XYZ", "ABC123XYY");
        String resequenced = text.replace("sequence 3", "sequence 4");

        assertThat(RevocationList.parse(removed).verify(keys.signerCertificates())).isFalse();
        assertThat(RevocationList.parse(changed).verify(keys.signerCertificates())).isFalse();
        assertThat(RevocationList.parse(resequenced).verify(keys.signerCertificates())).isFalse();
    }

    @Test
    void failsVerificationWithCertificatesOfAnotherSigner(@TempDir Path other) {
        SigningKeys foreign = Pki.keys(other, "secp256r1", Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(signedList().verify(foreign.signerCertificates())).isFalse();
    }

    @Test
    void rejectsTextThatIsNotACanonicalList() {
        String text = signedList().serialize();

        assertThatIllegalArgumentException().isThrownBy(() -> RevocationList.parse("hello\n"));
        assertThatIllegalArgumentException().isThrownBy(() -> RevocationList.parse(text.replace("\n", "\r\n")));
        assertThatIllegalArgumentException().isThrownBy(() -> RevocationList.parse(text.replace("sequence 3", "sequence x")));
        assertThatIllegalArgumentException().isThrownBy(() -> RevocationList.parse(text + "extra\n"));
    }

    @Test
    void refusesToSerializeUnsignedList() {
        assertThatIllegalStateException().isThrownBy(() -> RevocationList.create(0, NOW, List.of()).serialize());
        assertThat(RevocationList.create(0, NOW, List.of()).verify(keys.signerCertificates())).isFalse();
    }

    @Test
    void growsByOneEntryAndOneSequenceNumber() {
        RevocationList next = signedList().with(new RevocationList.Entry("UALG", "NEW1", LocalDate.of(2026, 11, 27)),
                NOW.plusSeconds(60));

        assertThat(next.sequence()).isEqualTo(4);
        assertThat(next.entries()).hasSize(3);
        assertThat(next.isRevoked("UALG", "NEW1")).isTrue();
    }
}
