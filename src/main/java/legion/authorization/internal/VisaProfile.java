package legion.authorization.internal;

import java.util.ArrayList;
import java.util.List;

import legion.authorization.DecodedSeal.Feature;
import legion.authorization.MalformedSealException;
import legion.authorization.DurationOfStay;
import legion.authorization.VisaContent;
import legion.authorization.VisaContent.MrzType;

/**
 * The visa document profile of ICAO Doc 9303-13 (feature definition reference 0x5D, category 0x01): tags 0x01
 * MRZ of an MRV-A or 0x02 of an MRV-B (C40, without the optional data element), 0x03 number of entries (one byte),
 * 0x04 duration of stay (days, months, years), 0x05 passport number (C40, nine characters).
 */
public final class VisaProfile {

    public static final int FEATURE_REFERENCE = 0x5D;
    public static final int CATEGORY = 0x01;

    static final int TAG_ENTRIES = 0x03;
    static final int TAG_DURATION = 0x04;
    static final int TAG_PASSPORT = 0x05;
    private static final int PASSPORT_LENGTH = 9;

    private VisaProfile() {
    }

    public static List<Feature> encode(VisaContent visa) {
        String mrz = visa.mrz().replace("\n", "");
        if (mrz.length() != visa.type().sealLength() || !C40.isEncodable(mrz)) {
            throw new IllegalArgumentException("MRZ must be " + visa.type().sealLength() + " MRZ characters");
        }
        List<Feature> features = new ArrayList<>(4);
        features.add(new Feature(visa.type().tag, C40.encode(mrz)));
        if (visa.numberOfEntries() != null) {
            if (visa.numberOfEntries() < 0 || visa.numberOfEntries() > 255) {
                throw new IllegalArgumentException("number of entries is one byte");
            }
            features.add(new Feature(TAG_ENTRIES, new byte[] {visa.numberOfEntries().byteValue()}));
        }
        if (visa.durationOfStay() != null) {
            DurationOfStay d = visa.durationOfStay();
            features.add(new Feature(TAG_DURATION, new byte[] {(byte) d.days(), (byte) d.months(), (byte) d.years()}));
        }
        String passport = visa.passportNumber();
        if (passport.isEmpty() || passport.length() > PASSPORT_LENGTH || !C40.isEncodable(passport)) {
            throw new IllegalArgumentException("passport number must be 1 to 9 MRZ characters");
        }
        features.add(new Feature(TAG_PASSPORT, C40.encode(padded(passport))));
        return features;
    }

    public static VisaContent decode(List<Feature> features) throws MalformedSealException {
        String mrz = null;
        MrzType type = null;
        Integer entries = null;
        DurationOfStay duration = null;
        String passport = null;
        int seen = 0;
        for (Feature feature : features) {
            int tag = feature.tag();
            if (tag < 1 || tag > 5) {
                throw new MalformedSealException("unknown feature tag in visa seal");
            }
            if ((seen & 1 << tag) != 0) {
                throw new MalformedSealException("feature repeated in visa seal");
            }
            seen |= 1 << tag;
            byte[] value = feature.value();
            switch (tag) {
                case 0x01, 0x02 -> {
                    if (type != null) {
                        throw new MalformedSealException("visa seal holds two MRZs");
                    }
                    type = tag == 0x01 ? MrzType.MRV_A : MrzType.MRV_B;
                    String text = c40(value);
                    if (value.length != C40.encodedLength(type.sealLength()) || text.length() != type.sealLength()) {
                        throw new MalformedSealException("MRZ has the wrong length");
                    }
                    mrz = text.substring(0, type.lineLength) + "\n" + text.substring(type.lineLength);
                }
                case TAG_ENTRIES -> {
                    requireLength(value, 1, "number of entries");
                    entries = value[0] & 0xFF;
                }
                case TAG_DURATION -> {
                    requireLength(value, 3, "duration of stay");
                    duration = new DurationOfStay(value[0] & 0xFF, value[1] & 0xFF, value[2] & 0xFF);
                }
                default -> {
                    String text = c40(value);
                    if (text.isEmpty() || text.length() > PASSPORT_LENGTH) {
                        throw new MalformedSealException("passport number has the wrong length");
                    }
                    passport = stripFillers(text);
                }
            }
        }
        if (type == null || passport == null) {
            throw new MalformedSealException("visa seal lacks its MRZ or passport number");
        }
        VisaContent visa = new VisaContent(mrz, type, entries, duration, passport);
        try {
            visa.expiryDate();
        } catch (RuntimeException e) {
            throw new MalformedSealException("MRZ holds no valid date of expiry");
        }
        return visa;
    }

    private static String padded(String passport) {
        return passport + "<".repeat(PASSPORT_LENGTH - passport.length());
    }

    private static String stripFillers(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '<') {
            end--;
        }
        return value.substring(0, end);
    }

    private static void requireLength(byte[] value, int length, String what) throws MalformedSealException {
        if (value.length != length) {
            throw new MalformedSealException(what + " must be " + length + " bytes");
        }
    }

    private static String c40(byte[] value) throws MalformedSealException {
        try {
            return C40.decode(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedSealException("invalid C40 data: " + e.getMessage());
        }
    }
}
