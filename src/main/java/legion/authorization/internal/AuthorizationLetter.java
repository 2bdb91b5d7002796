package legion.authorization.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

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
     * name as the volunteer wrote it (any script; may be {@code null}). The labels and instructions are in English
     * and, beside them, in {@code language} (the volunteer's; English alone when it is English or {@code null}).
     */
    public record Content(String authorizationNumber, String surname, String givenNames, String passportNumber,
                          String nationality, LocalDate dateOfBirth, LocalDate validFrom, LocalDate validUntil,
                          int numberOfEntries, int durationOfStayDays, String signer, String mrz,
                          String nameAsWritten, Locale language) {
    }

    private AuthorizationLetter() {
    }

    /**
     * The letter's texts in a language, from the message bundles ({@code letter.*} keys): the base bundle for
     * English, the language's own for another (a language without a bundle gets English only).
     */
    record Texts(ResourceBundle bundle, Locale locale) {

        static Texts of(Locale locale) {
            return new Texts(ResourceBundle.getBundle("messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
        }

        String get(String key, Object... args) {
            String text = bundle.getString("letter." + key);
            return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
        }

        boolean isEnglish() {
            return bundle.getLocale().getLanguage().isEmpty() || bundle.getLocale().getLanguage().equals("en");
        }
    }

    public static byte[] pdf(Content content, BitMatrix seal) {
        Texts en = Texts.of(Locale.ROOT);
        Texts own = content.language() == null ? null : Texts.of(content.language());
        if (own != null && own.isEnglish()) {
            own = null;
        }
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Travel authorization " + content.authorizationNumber());
            info.setCreator("Legion");
            document.setDocumentInformation(info);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            PDFont unicode = PDType0Font.load(document, UNICODE.get(), true);
            // an uncompressed content stream: about 10 KB more per letter, half the time to make it
            try (PDPageContentStream out = new PDPageContentStream(document, page, AppendMode.OVERWRITE, false)) {
                float y = top;
                text(out, BOLD, 18, MARGIN, y, List.of(en.get("title")));
                y -= 20;
                if (own != null) {
                    text(out, unicode, 12, MARGIN, y, List.of(own.get("title")));
                    y -= 17;
                }
                y = paragraph(out, REGULAR, 10, y, width, en.get("lede"));
                if (own != null) {
                    y = paragraph(out, unicode, 8, y, width, own.get("lede"));
                }
                y -= 12;
                String days = String.valueOf(content.durationOfStayDays());
                List<String[]> rows = List.of(
                        new String[] {"authorizationNumber", content.authorizationNumber()},
                        new String[] {"surname", content.surname()},
                        new String[] {"givenNames", content.givenNames()},
                        new String[] {"passportNumber", content.passportNumber()},
                        new String[] {"nationality", content.nationality()},
                        new String[] {"dateOfBirth", content.dateOfBirth().toString()},
                        new String[] {"validFrom", content.validFrom().toString()},
                        new String[] {"validUntil", content.validUntil().toString()},
                        new String[] {"numberOfEntries", String.valueOf(content.numberOfEntries())},
                        new String[] {"durationOfStay", en.get("days", days)
                                + (own == null ? "" : " / " + own.get("days", days))},
                        new String[] {"signedBy", content.signer()});
                String written = writtenOtherwise(content);
                for (String[] row : rows) {
                    y = row(out, unicode, y, en, own, row[0], row[0].equals("durationOfStay") ? unicode : REGULAR,
                            row[1]);
                    if (row[0].equals("givenNames") && written != null) {
                        y = row(out, unicode, y, en, own, "nameAsWritten", unicode, written);
                    }
                }
                y -= 10;
                text(out, MONO, 10, MARGIN, y, List.of(content.mrz().split("\n")));
                y -= 30;
                float size = seal.getWidth() * MODULE;
                drawSymbol(out, seal, MARGIN, y - size);
                y -= size + 24;
                text(out, BOLD, 11, MARGIN, y, List.of(en.get("instructions")
                        + (own == null ? "" : " / " + own.get("instructions"))), unicode);
                y -= 15;
                for (int i = 1; i <= 5; i++) {
                    y = paragraph(out, REGULAR, own == null ? 10 : 9, y, width, en.get("instruction." + i));
                    if (own != null) {
                        y = paragraph(out, unicode, 8, y, width, own.get("instruction." + i));
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            // PDFBox 3 packs objects into compressed object streams by default: slow and pointless for one page
            document.save(bytes, CompressParameters.NO_COMPRESSION);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of holder data: the English label, under it the translated one, and the value; returns the next y. */
    private static float row(PDPageContentStream out, PDFont unicode, float y, Texts en, Texts own, String key,
                             PDFont valueFont, String value) throws IOException {
        text(out, BOLD, 10, MARGIN, y, List.of(en.get(key)));
        text(out, valueFont, 10, MARGIN + 150, y, List.of(value));
        if (own == null) {
            return y - 15;
        }
        text(out, unicode, 7.5f, MARGIN, y - 9, List.of(own.get(key)));
        return y - 22;
    }

    /** A paragraph wrapped to the width; returns the y below it. */
    private static float paragraph(PDPageContentStream out, PDFont font, float size, float y, float width, String text)
            throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        text(out, font, size, MARGIN, y, lines);
        return y - lines.size() * size * 1.4f - 2;
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

    /** A line in {@code font}, or in {@code unicode} when {@code font} cannot encode it. */
    private static void text(PDPageContentStream out, PDFont font, float size, float x, float y, List<String> lines,
                             PDFont unicode) throws IOException {
        try {
            for (String line : lines) {
                font.encode(line);
            }
        } catch (IllegalArgumentException e) {
            font = unicode;
        }
        text(out, font, size, x, y, lines);
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
