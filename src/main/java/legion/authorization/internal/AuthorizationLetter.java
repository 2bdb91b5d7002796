package legion.authorization.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable A4 letter of a travel authorization (PDFBox): holder data, the DataMatrix seal drawn as vector
 * modules, and instructions. The holder's name is shown as the MRZ writes it (the form border guards compare with
 * the passport's MRZ) and, when it is written otherwise, also as the volunteer wrote it, in DejaVu Sans (embedded
 * as a subset; Latin, Cyrillic, Greek, Armenian, Georgian, Hebrew and Arabic, shaped and ordered for display with
 * ICU). A script the font cannot show (Han, Thai …) is left out rather than printed as empty boxes.
 */
public final class AuthorizationLetter {

    /** DejaVu Sans, Bitstream Vera licence (fonts/DejaVuSans-LICENSE.txt), from Debian's fonts-dejavu-core. */
    private static final byte[] UNICODE_FONT = resource("/fonts/DejaVuSans.ttf");

    /** Parsed once per thread: a TrueTypeFont reads its tables lazily and is not safe to share between threads. */
    private static final ThreadLocal<TrueTypeFont> UNICODE = ThreadLocal.withInitial(() -> {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(UNICODE_FONT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDFont MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private static final float MARGIN = 56;
    private static final float MODULE = 2.5f;

    /**
     * What the letter shows; every text is MRZ characters or plain ASCII but {@code nameAsWritten}, the holder's
     * name as the volunteer wrote it (any script; may be {@code null}).
     */
    public record Content(String authorizationNumber, String surname, String givenNames, String passportNumber,
                          String nationality, LocalDate dateOfBirth, LocalDate validFrom, LocalDate validUntil,
                          int numberOfEntries, int durationOfStayDays, String signer, String mrz,
                          String nameAsWritten) {
    }

    private AuthorizationLetter() {
    }

    public static byte[] pdf(Content content, BitMatrix seal) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Travel authorization " + content.authorizationNumber());
            info.setCreator("Legion");
            document.setDocumentInformation(info);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            // an uncompressed content stream: about 10 KB more per letter, half the time to make it
            try (PDPageContentStream out = new PDPageContentStream(document, page, AppendMode.OVERWRITE, false)) {
                text(out, BOLD, 18, MARGIN, top, List.of("International Legion - Travel Authorization"));
                text(out, REGULAR, 10, MARGIN, top - 20,
                        List.of("This authorization replaces a visa to enter the country and join the International Legion."));
                float y = top - 56;
                List<String[]> rows = List.of(
                        new String[] {"Authorization number", content.authorizationNumber()},
                        new String[] {"Surname", content.surname()},
                        new String[] {"Given names", content.givenNames()},
                        new String[] {"Passport number", content.passportNumber()},
                        new String[] {"Nationality", content.nationality()},
                        new String[] {"Date of birth", content.dateOfBirth().toString()},
                        new String[] {"Valid from", content.validFrom().toString()},
                        new String[] {"Valid until", content.validUntil().toString()},
                        new String[] {"Number of entries", String.valueOf(content.numberOfEntries())},
                        new String[] {"Duration of stay", content.durationOfStayDays() + " days"},
                        new String[] {"Signed by", content.signer()});
                String written = writtenOtherwise(content);
                for (String[] row : rows) {
                    text(out, BOLD, 10, MARGIN, y, List.of(row[0]));
                    text(out, REGULAR, 10, MARGIN + 140, y, List.of(row[1]));
                    y -= 15;
                    if (row[0].equals("Given names") && written != null) {
                        text(out, BOLD, 10, MARGIN, y, List.of("Name as written"));
                        text(out, PDType0Font.load(document, UNICODE.get(), true), 10, MARGIN + 140, y,
                                List.of(written));
                        y -= 15;
                    }
                }
                y -= 10;
                text(out, MONO, 10, MARGIN, y, List.of(content.mrz().split("\n")));
                y -= 30;
                float size = seal.getWidth() * MODULE;
                drawSymbol(out, seal, MARGIN, y - size);
                y -= size + 30;
                text(out, BOLD, 11, MARGIN, y, List.of("Instructions"));
                text(out, REGULAR, 10, MARGIN, y - 16, List.of(
                        "1. Print this letter on white paper, A4, at 100 % scale. Do not fold across the barcode.",
                        "2. Carry it with the passport named above. The barcode is a digital seal (ICAO Doc 9303-13);",
                        "   border guards verify it offline. The name and passport number must match your passport.",
                        "3. Report to the reception point within the duration of stay shown above.",
                        "4. This authorization can be revoked; a revoked or expired authorization is not valid.",
                        "5. Do not share this letter: it carries your personal data."));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            // PDFBox 3 packs objects into compressed object streams by default: slow and pointless for one page
            document.save(bytes, CompressParameters.NO_COMPRESSION);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The name as written, ready to draw (right-to-left scripts shaped and in display order), when it differs from
     * the MRZ form and the font has a glyph for every character; otherwise {@code null}.
     */
    static String writtenOtherwise(Content content) {
        String written = content.nameAsWritten() == null ? "" : content.nameAsWritten().strip();
        if (written.isEmpty() || written.equalsIgnoreCase((content.givenNames() + " " + content.surname()).strip())) {
            return null;
        }
        String display = written;
        if (Bidi.requiresBidi(written.toCharArray(), 0, written.length())) {
            try {
                display = new ArabicShaping(ArabicShaping.LETTERS_SHAPE).shape(written);
            } catch (ArabicShapingException e) {
                return null;
            }
            display = new Bidi(display, Bidi.LEVEL_DEFAULT_LTR).writeReordered(Bidi.DO_MIRRORING);
        }
        try {
            CmapLookup cmap = UNICODE.get().getUnicodeCmapLookup();
            for (int i = 0; i < display.length(); ) {
                int cp = display.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isWhitespace(cp) && cmap.getGlyphId(cp) == 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return display;
    }

    private static byte[] resource(String name) {
        try (var in = AuthorizationLetter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawSymbol(PDPageContentStream out, BitMatrix seal, float x, float y) throws IOException {
        // one rectangle per horizontal run of dark modules keeps the content stream small
        float height = seal.getHeight() * MODULE;
        for (int row = 0; row < seal.getHeight(); row++) {
            int column = 0;
            while (column < seal.getWidth()) {
                if (!seal.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < seal.getWidth() && seal.get(column, row)) {
                    column++;
                }
                out.addRect(x + start * MODULE, y + height - (row + 1) * MODULE, (column - start) * MODULE, MODULE);
            }
        }
        out.fill();
    }

    private static void text(PDPageContentStream out, PDFont font, float size, float x, float y, List<String> lines)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setLeading(size * 1.4f);
        out.newLineAtOffset(x, y);
        for (String line : lines) {
            out.showText(line);
            out.newLine();
        }
        out.endText();
    }
}
