package legion.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The unit an officer works in and a record belongs to, in every program: an embassy ({@code EMBASSY:GB}), an
 * issuing point of the arms register ({@code ARMS_POINT:KYIV-POLICE-01}), a prison facility ({@code PRISON:…}), a
 * military unit ({@code MILITARY_UNIT:…}). Written {@code KIND:CODE}. Whether an officer may act on a record of a unit
 * is decided in one place, {@link Actor#mayActOn(Unit)}.
 *
 * @param kind upper-case letters and underscores, at most 30 characters (a program may add a kind of its own)
 * @param code upper-case letters, digits, hyphens and underscores, at most 64 characters
 */
public record Unit(String kind, String code) implements java.io.Serializable {

    public static final String EMBASSY = "EMBASSY";
    public static final String ARMS_POINT = "ARMS_POINT";
    public static final String PRISON = "PRISON";
    public static final String MILITARY_UNIT = "MILITARY_UNIT";

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,29}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");

    public Unit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a unit kind is 1-30 upper-case letters or underscores");
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a unit code is 1-64 upper-case letters, digits, hyphens or underscores");
        }
    }

    public static Unit of(String kind, String code) {
        return new Unit(kind, code);
    }

    public static Unit embassy(String code) {
        return new Unit(EMBASSY, code);
    }

    /**
     * Reads {@code KIND:CODE}.
     *
     * @throws IllegalArgumentException when the text is no unit
     */
    public static Unit parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a unit is written KIND:CODE");
        }
        return new Unit(text.substring(0, colon), text.substring(colon + 1));
    }

    public boolean is(String otherKind) {
        return kind.equals(otherKind);
    }

    @Override
    public String toString() {
        return kind + ":" + code;
    }
}
