package legion.authorization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DataMatrixTests {

    @Test
    void roundTripsEveryByteValueExactly() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }

        assertThat(DataMatrix.read(DataMatrix.png(all))).hasValueSatisfying(read -> assertThat(read).isEqualTo(all));
    }

    @Test
    void roundTripsRandomSealSizedPayloads() throws Exception {
        Random random = new Random(9303);
        for (int round = 0; round < 20; round++) {
            byte[] data = new byte[100 + random.nextInt(120)];
            random.nextBytes(data);
            data[0] = (byte) 0xDC;

            assertThat(DataMatrix.read(DataMatrix.png(data))).as("round %d", round)
                    .hasValueSatisfying(read -> assertThat(read).isEqualTo(data));
        }
    }

    @Test
    void keepsDigitRunsAndHighBytesApart() throws Exception {
        // digit pairs are packed, bytes >= 128 use upper shift or Base256: both must come back unchanged
        byte[] data = "DC0123456789\u00ff\u0080\u00dc99".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(DataMatrix.read(DataMatrix.png(data))).hasValueSatisfying(read -> assertThat(read).isEqualTo(data));
    }
}
