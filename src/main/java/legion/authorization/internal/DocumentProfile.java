package legion.authorization.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import legion.authorization.DecodedSeal.Feature;
import legion.authorization.MalformedSealException;
import legion.authorization.SealDocumentType;
import legion.authorization.SealField;

/**
 * The message zone of a program's own document type: one DER-TLV element per field, in the type's order; text as
 * UTF-8, days as three bytes MMDDYYYY (as in the header).
 */
public final class DocumentProfile {

    private static final int MAX_TEXT_BYTES = 255;

    private DocumentProfile() {
    }

    /**
     * @param values field name → value (text, or a day as {@code YYYY-MM-DD}); unknown names are refused
     * @throws IllegalArgumentException when a required field is missing, a name is unknown or a value cannot be written
     */
    public static List<Feature> encode(SealDocumentType type, Map<String, String> values) {
        for (String name : values.keySet()) {
            if (type.field(name).isEmpty()) {
                throw new IllegalArgumentException("no field " + name + " in " + type.name());
            }
        }
        String number = values.get(type.numberField());
        if (number == null || !number.matches("[A-Z0-9]{1,9}")) {
            throw new IllegalArgumentException(type.name() + "'s " + type.numberField()
                    + " is 1 to 9 of A-Z 0-9 (as a visa number, so revocation lists name it)");
        }
        List<Feature> features = new ArrayList<>();
        for (SealField f : type.fields()) {
            String value = values.get(f.name());
            if (value == null || value.isEmpty()) {
                if (f.required()) {
                    throw new IllegalArgumentException(type.name() + " needs " + f.name());
                }
                continue;
            }
            features.add(new Feature(f.tag(), switch (f.kind()) {
                case TEXT -> text(f, value);
                case DATE -> date(LocalDate.parse(value));
            }));
        }
        return features;
    }

    /** The fields of a message zone, in the type's order, as text (days as {@code YYYY-MM-DD}). */
    public static Map<String, String> decode(SealDocumentType type, List<Feature> features)
            throws MalformedSealException {
        Map<Integer, String> byTag = new java.util.HashMap<>();
        Set<Integer> seen = new HashSet<>();
        for (Feature feature : features) {
            SealField f = type.field(feature.tag()).orElseThrow(
                    () -> new MalformedSealException("unknown feature tag in " + type.name() + " seal"));
            if (!seen.add(feature.tag())) {
                throw new MalformedSealException("feature repeated in " + type.name() + " seal");
            }
            byTag.put(f.tag(), switch (f.kind()) {
                case TEXT -> readText(feature.value(), type);
                case DATE -> readDate(feature.value(), type).toString();
            });
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (SealField f : type.fields()) {
            String value = byTag.get(f.tag());
            if (value == null && f.required()) {
                throw new MalformedSealException(type.name() + " seal lacks its " + f.name());
            }
            if (value != null) {
                values.put(f.name(), value);
            }
        }
        return values;
    }

    private static byte[] text(SealField f, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(f.name() + " is longer than " + MAX_TEXT_BYTES + " bytes");
        }
        return bytes;
    }

    private static byte[] date(LocalDate day) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(3);
        SealCodec.writeDate(out, day);
        return out.toByteArray();
    }

    private static String readText(byte[] value, SealDocumentType type) throws MalformedSealException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedSealException("text in " + type.name() + " seal is not UTF-8");
        }
    }

    private static LocalDate readDate(byte[] b, SealDocumentType type) throws MalformedSealException {
        if (b.length != 3) {
            throw new MalformedSealException("a date in " + type.name() + " seal must be 3 bytes");
        }
        int value = (b[0] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | b[2] & 0xFF;
        try {
            return LocalDate.of(value % 10_000, value / 1_000_000, value / 10_000 % 100);
        } catch (DateTimeException e) {
            throw new MalformedSealException("invalid date in " + type.name() + " seal");
        }
    }
}
