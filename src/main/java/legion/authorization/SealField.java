package legion.authorization;

import java.util.Objects;

/**
 * One field of a program's own seal document type: its tag in the message zone, its name (the key in
 * {@link SealReport#fields()} and in what a program issues), the label {@code verify} prints, and how it is written.
 *
 * @param tag      1-254 (0xFF is the signature zone), unique within its document type
 * @param name     a Java-style identifier, e.g. {@code serial}
 * @param label    English label for the command line, e.g. {@code Serial}
 * @param kind     how the value is written
 * @param required whether every seal of the type carries it
 */
@org.springframework.modulith.NamedInterface("seals")
public record SealField(int tag, String name, String label, Kind kind, boolean required) {

    /** How a value is written in the message zone. */
    public enum Kind {
        /** UTF-8 text, any script (names as the holder writes them), at most 255 bytes. */
        TEXT,
        /** A day, three bytes MMDDYYYY as in the header. */
        DATE
    }

    public SealField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (tag < 1 || tag > 0xFE) {
            throw new IllegalArgumentException("a feature tag is 1 to 254");
        }
        if (!name.matches("[a-z][A-Za-z0-9]{0,39}")) {
            throw new IllegalArgumentException("a field name is a Java-style identifier");
        }
    }

    public static SealField text(int tag, String name, String label) {
        return new SealField(tag, name, label, Kind.TEXT, true);
    }

    public static SealField date(int tag, String name, String label) {
        return new SealField(tag, name, label, Kind.DATE, true);
    }
}
