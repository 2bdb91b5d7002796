package legion.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTest {

    static String key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    final FieldCipher cipher = new FieldCipher(DataKeys.parse("k1:" + key(1), "k1", key(9)));

    @Test
    void roundTripsAnyScriptAndHidesIt() {
        for (String s : new String[] {"Олександр", "محمد الأحمد", "José", "𝔇𝔢𝔫𝔱", ""}) {
            String stored = cipher.encrypt("surname", s);
            assertThat(stored).startsWith("v1:k1:").doesNotContain(s.isEmpty() ? "\u0000" : s);
            assertThat(cipher.decrypt("surname", stored)).isEqualTo(s);
        }
        assertThat(cipher.encrypt("surname", "Dent")).isNotEqualTo(cipher.encrypt("surname", "Dent"));
    }

    @Test
    void aValueMovedToAnotherColumnOrChangedDoesNotDecrypt() {
        String stored = cipher.encrypt("surname", "Dent");
        assertThatThrownBy(() -> cipher.decrypt("given_names", stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Dent");
        byte[] raw = Base64.getDecoder().decode(stored.substring(6));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt("surname", tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotatesKeysWhileOldValuesStayReadable() {
        String old = cipher.encrypt("email", "a@example.org");
        FieldCipher rotated = new FieldCipher(DataKeys.parse("k1:" + key(1) + ",k2:" + key(2), "k2", key(9)));
        assertThat(rotated.isStale(old)).isTrue();
        assertThat(rotated.decrypt("email", old)).isEqualTo("a@example.org");
        String fresh = rotated.encrypt("email", "a@example.org");
        assertThat(fresh).startsWith("v1:k2:");
        assertThat(rotated.isStale(fresh)).isFalse();
        assertThat(rotated.isStale("plaintext")).isTrue();
        assertThat(rotated.decrypt("email", "plaintext")).isEqualTo("plaintext");
    }

    @Test
    void blindIndexesAreKeyedAndStable() {
        assertThat(cipher.blindIndex("passport_number", "1234567XY")).isEqualTo(cipher.blindIndex("passport_number", "1234567XY"))
                .isNotEqualTo(cipher.blindIndex("passport_number", "1234567XZ"))
                .isNotEqualTo(cipher.blindIndex("email", "1234567XY"))
                .hasSize(32);
        FieldCipher otherIndexKey = new FieldCipher(DataKeys.parse("k1:" + key(1), "k1", key(8)));
        assertThat(otherIndexKey.blindIndex("passport_number", "1234567XY"))
                .isNotEqualTo(cipher.blindIndex("passport_number", "1234567XY"));
    }

    @Test
    void generatesAKeyFileOnceWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/privacy.properties");
        FieldCipher first = new FieldCipher(DataKeys.fromFile(file));
        String stored = first.encrypt("surname", "Dent");
        FieldCipher again = new FieldCipher(DataKeys.fromFile(file));
        assertThat(again.decrypt("surname", stored)).isEqualTo("Dent");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void refusesBadConfiguration() {
        assertThatThrownBy(() -> DataKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16]), "k1", key(9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataKeys.parse("k1:" + key(1), "k7", key(9))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataKeys.parse("nonsense", "k1", key(9))).isInstanceOf(IllegalArgumentException.class);
    }
}
