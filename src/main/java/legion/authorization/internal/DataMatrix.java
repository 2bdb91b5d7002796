package legion.authorization.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;

/**
 * Seal bytes in and out of a DataMatrix symbol (ZXing), as ICAO Doc 9303-13 prescribes for VDS.
 *
 * <p>ZXing's writer takes text: each seal byte becomes the ISO 8859-1 character of the same value, which its
 * encoder writes with byte-exact encodations (ASCII, upper shift, Base256); its reader gives the same characters
 * back, so the round trip is exact for every byte value (tested for all 256).
 */
public final class DataMatrix {

    private static final int MODULE_PIXELS = 4;
    private static final int QUIET_MODULES = 2;

    private DataMatrix() {
    }

    /** The module matrix of the symbol, one bit per module, no quiet zone. */
    public static BitMatrix encode(byte[] data) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name());
        return new DataMatrixWriter().encode(new String(data, StandardCharsets.ISO_8859_1),
                BarcodeFormat.DATA_MATRIX, 0, 0, hints);
    }

    /**
     * A PNG of the symbol, {@value #MODULE_PIXELS} pixels per module with a quiet zone of {@value #QUIET_MODULES}
     * modules: a 1-bit greyscale PNG written directly (ImageIO's writer costs more than the rest of issuing).
     */
    public static byte[] png(byte[] data) {
        return png(encode(data));
    }

    /** A PNG of a symbol already encoded. */
    public static byte[] png(BitMatrix symbol) {
        return Png.oneBit(rows(symbol));
    }

    /** The symbol as pixel rows, 1 bit per pixel, most significant bit first, 1 = white. */
    static Png.Rows rows(BitMatrix matrix) {
        int width = (matrix.getWidth() + 2 * QUIET_MODULES) * MODULE_PIXELS;
        int height = (matrix.getHeight() + 2 * QUIET_MODULES) * MODULE_PIXELS;
        int stride = (width + 7) / 8;
        byte[] pixels = new byte[stride * height];
        java.util.Arrays.fill(pixels, (byte) 0xFF);
        for (int y = 0; y < matrix.getHeight(); y++) {
            int firstRow = (y + QUIET_MODULES) * MODULE_PIXELS;
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    int firstColumn = (x + QUIET_MODULES) * MODULE_PIXELS;
                    for (int dy = 0; dy < MODULE_PIXELS; dy++) {
                        int row = (firstRow + dy) * stride;
                        for (int dx = 0; dx < MODULE_PIXELS; dx++) {
                            int column = firstColumn + dx;
                            pixels[row + column / 8] &= (byte) ~(0x80 >>> (column % 8));
                        }
                    }
                }
            }
        }
        return new Png.Rows(width, height, stride, pixels);
    }

    /** The bytes of the DataMatrix symbol in an image file (PNG, JPEG ...), empty when none is found. */
    public static Optional<byte[]> read(byte[] imageFile) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(imageFile));
        if (image == null) {
            throw new IOException("not a readable image");
        }
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name());
        try {
            String text = new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
            return Optional.of(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }
}
