package legion.authorization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class C40Tests {

    @ParameterizedTest
    @CsvSource({
            "UTO, d9c5",            // the issuing country of the ICAO vector
            "DETS0232, 6d32c8a72cb1", // two characters left: padded with Shift 1
            "D<<, 6abc",            // filler written as C40 space
            "ABCD, 59e9fe45",       // one character left: 0xFE then ASCII + 1
            "0, fe31"
    })
    void encodesPerDoc9303Part13(String text, String hex) {
        assertThat(HexFormat.of().formatHex(C40.encode(text))).isEqualTo(hex);
        assertThat(C40.decode(HexFormat.of().parseHex(hex))).isEqualTo(text);
    }

    @Test
    void roundTripsEveryLengthUpToSeventyTwo() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
        for (int length = 0; length <= 72; length++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt((i * 7 + length) % alphabet.length()));
            }
            byte[] encoded = C40.encode(text);
            assertThat(encoded).hasSize(C40.encodedLength(length));
            assertThat(C40.decode(encoded)).isEqualTo(text.toString());
        }
    }

    @Test
    void rejectsWhatTheEncoderNeverWrites() {
        assertThatIllegalArgumentException().isThrownBy(() -> C40.encode("abc"));
        assertThatIllegalArgumentException().isThrownBy(() -> C40.decode(new byte[] {0x6a}));
        // padding (Shift 1) before the last triplet
        assertThatIllegalArgumentException().isThrownBy(() -> C40.decode(HexFormat.of().parseHex("2cb16abc")));
        // unlatch that is not last
        assertThatIllegalArgumentException().isThrownBy(() -> C40.decode(HexFormat.of().parseHex("fe316abc")));
    }
}
