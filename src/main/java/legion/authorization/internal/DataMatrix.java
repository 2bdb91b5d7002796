package legion.authorization.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** A PNG of the symbol, {@value #MODULE_PIXELS} pixels per module with a quiet zone. */
    public static byte[] png(byte[] data) {
        BufferedImage image = image(encode(data));
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage image(BitMatrix matrix) {
        int size = (matrix.getWidth() + 2 * QUIET_MODULES) * MODULE_PIXELS;
        int height = (matrix.getHeight() + 2 * QUIET_MODULES) * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, height, BufferedImage.TYPE_BYTE_BINARY);
        int[] white = new int[size * height];
        java.util.Arrays.fill(white, 0xFFFFFFFF);
        image.setRGB(0, 0, size, height, white, 0, size);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    int px = (x + QUIET_MODULES) * MODULE_PIXELS;
                    int py = (y + QUIET_MODULES) * MODULE_PIXELS;
                    for (int dy = 0; dy < MODULE_PIXELS; dy++) {
                        for (int dx = 0; dx < MODULE_PIXELS; dx++) {
                            image.setRGB(px + dx, py + dy, 0xFF000000);
                        }
                    }
                }
            }
        }
        return image;
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
