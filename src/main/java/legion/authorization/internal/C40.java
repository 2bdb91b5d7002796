package legion.authorization.internal;

import java.io.ByteArrayOutputStream;

/**
 * C40 encoding as ICAO Doc 9303-13 (section 2.6) uses it for the header and for alphanumeric features.
 *
 * <p>Three characters make one 16-bit value {@code 1600*c1 + 40*c2 + c3 + 1}, written big-endian. The MRZ
 * filler {@code <} is written as the C40 space (value 3) and read back as {@code <}. At the end, two remaining
 * characters are completed with Shift 1 (value 0) as padding; one remaining character is written as the
 * unlatch byte {@code 0xFE} followed by its ASCII code plus one.
 */
public final class C40 {

    private static final int UNLATCH = 0xFE;
    private static final int PAD = 0;

    private C40() {
    }

    /** True when every character is one of {@code A-Z 0-9 < space}. */
    public static boolean isEncodable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (value(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        for (; i + 3 <= text.length(); i += 3) {
            writeTriplet(out, checked(text, i), checked(text, i + 1), checked(text, i + 2));
        }
        int remaining = text.length() - i;
        if (remaining == 2) {
            writeTriplet(out, checked(text, i), checked(text, i + 1), PAD);
        } else if (remaining == 1) {
            checked(text, i);
            char c = text.charAt(i) == '<' ? ' ' : text.charAt(i);
            out.write(UNLATCH);
            out.write(c + 1);
        }
        return out.toByteArray();
    }

    /** Number of bytes {@link #encode} produces for a text of this length. */
    public static int encodedLength(int characters) {
        return characters / 3 * 2 + (characters % 3 == 0 ? 0 : 2);
    }

    public static String decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    /**
     * Decodes {@code length} bytes; throws {@link IllegalArgumentException} on anything the encoder cannot
     * produce (odd length, shift values, padding before the end, an unlatch that is not the last pair).
     */
    public static String decode(byte[] data, int offset, int length) {
        if (length % 2 != 0) {
            throw new IllegalArgumentException("C40 data must have an even number of bytes");
        }
        StringBuilder text = new StringBuilder(length / 2 * 3);
        for (int i = offset; i < offset + length; i += 2) {
            int b1 = data[i] & 0xFF;
            int b2 = data[i + 1] & 0xFF;
            boolean last = i + 2 == offset + length;
            if (b1 == UNLATCH) {
                char c = (char) (b2 - 1);
                if (!last || value(c) < 0) {
                    throw new IllegalArgumentException("C40 unlatch is only allowed for the last character");
                }
                text.append(c == ' ' ? '<' : c);
                continue;
            }
            int packed = (b1 << 8 | b2) - 1;
            if (packed < 0 || packed >= 64000) {
                throw new IllegalArgumentException("C40 value out of range");
            }
            int c1 = packed / 1600;
            int c2 = packed / 40 % 40;
            int c3 = packed % 40;
            if (c1 == PAD || c2 == PAD) {
                throw new IllegalArgumentException("C40 padding only completes the last triplet");
            }
            text.append(character(c1)).append(character(c2));
            if (c3 != PAD) {
                text.append(character(c3));
            } else if (!last) {
                throw new IllegalArgumentException("C40 padding only completes the last triplet");
            }
        }
        return text.toString();
    }

    private static void writeTriplet(ByteArrayOutputStream out, int c1, int c2, int c3) {
        int packed = 1600 * c1 + 40 * c2 + c3 + 1;
        out.write(packed >> 8);
        out.write(packed & 0xFF);
    }

    private static int checked(CharSequence text, int index) {
        int v = value(text.charAt(index));
        if (v < 0) {
            throw new IllegalArgumentException("character at index " + index + " is not in the C40 basic set");
        }
        return v;
    }

    private static int value(char c) {
        if (c == ' ' || c == '<') {
            return 3;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 4;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 14;
        }
        return -1;
    }

    private static char character(int value) {
        if (value == 3) {
            return '<';
        }
        if (value >= 4 && value <= 13) {
            return (char) ('0' + value - 4);
        }
        if (value >= 14 && value <= 39) {
            return (char) ('A' + value - 14);
        }
        throw new IllegalArgumentException("C40 shift values are not used in seals");
    }
}
