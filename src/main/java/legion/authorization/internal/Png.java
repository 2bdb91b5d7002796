package legion.authorization.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** A minimal PNG writer for 1-bit greyscale images (PNG specification, ISO/IEC 15948): IHDR, IDAT, IEND. */
final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Packed rows, {@code stride} bytes each, most significant bit first, 1 = white. */
    record Rows(int width, int height, int stride, byte[] pixels) {
    }

    private Png() {
    }

    static byte[] oneBit(Rows image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, image.width());
        putInt(header, 4, image.height());
        header[8] = 1;  // bit depth
        header[9] = 0;  // greyscale
        chunk(out, "IHDR", header);

        byte[] raw = new byte[(image.stride() + 1) * image.height()];
        for (int y = 0; y < image.height(); y++) {
            raw[y * (image.stride() + 1)] = 0;  // filter: none
            System.arraycopy(image.pixels(), y * image.stride(), raw, y * (image.stride() + 1) + 1, image.stride());
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            chunk(out, "IDAT", compressed.toByteArray());
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] checksum = new byte[4];
        putInt(checksum, 0, (int) crc.getValue());
        out.writeBytes(checksum);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
