package legion.authorization.internal;

import java.io.ByteArrayOutputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import legion.authorization.DecodedSeal;
import legion.authorization.DecodedSeal.Feature;
import legion.authorization.MalformedSealException;
import legion.authorization.SealHeader;

/**
 * Reads and writes the byte layout of a Visible Digital Seal (ICAO Doc 9303-13): header, message zone of DER-TLV
 * elements (BER lengths), signature zone with tag {@code 0xFF}.
 */
public final class SealCodec {

    public static final int MAGIC = 0xDC;
    public static final int SIGNATURE_TAG = 0xFF;

    private SealCodec() {
    }

    /** Header and message zone: the bytes to sign. Writes version 4 headers only. */
    public static byte[] encodeSignedData(SealHeader header, List<Feature> features) {
        if (header.version() != SealHeader.VERSION_4) {
            throw new IllegalArgumentException("only version 4 headers are written");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(MAGIC);
        out.write(header.version());
        requireLength(header.issuingCountry(), 3, "issuing country");
        out.writeBytes(C40.encode(header.issuingCountry()));
        requireLength(header.signerIdentifier(), 4, "signer identifier");
        String reference = header.certificateReference();
        if (reference.isEmpty() || reference.length() > 0xFF) {
            throw new IllegalArgumentException("certificate reference must have 1 to 255 characters");
        }
        out.writeBytes(C40.encode(header.signerIdentifier() + String.format("%02X", reference.length()) + reference));
        writeDate(out, header.documentIssueDate());
        writeDate(out, header.signatureCreationDate());
        out.write(header.featureDefinitionReference());
        out.write(header.documentTypeCategory());
        for (Feature feature : features) {
            writeTlv(out, feature.tag(), feature.value());
        }
        return out.toByteArray();
    }

    /** The complete seal: signed data followed by the signature zone. */
    public static byte[] appendSignature(byte[] signedData, byte[] signature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(signedData.length + signature.length + 4);
        out.writeBytes(signedData);
        writeTlv(out, SIGNATURE_TAG, signature);
        return out.toByteArray();
    }

    /** Decodes the structure; the visa content is left {@code null} (see {@link VisaProfile}). */
    public static DecodedSeal decode(byte[] seal) throws MalformedSealException {
        Reader in = new Reader(seal);
        if (in.u8() != MAGIC) {
            throw new MalformedSealException("not a seal: magic constant 0xDC missing");
        }
        int version = in.u8();
        if (version != SealHeader.VERSION_4 && version != SealHeader.VERSION_3) {
            throw new MalformedSealException("unsupported seal version");
        }
        String country = c40(in.bytes(2));
        String signer;
        String reference;
        if (version == SealHeader.VERSION_4) {
            int start = in.position;
            String prefix = c40(in.bytes(4));
            if (prefix.length() != 6) {
                throw new MalformedSealException("signer identifier is too short");
            }
            int referenceLength;
            try {
                referenceLength = Integer.parseInt(prefix.substring(4, 6), 16);
            } catch (NumberFormatException e) {
                throw new MalformedSealException("certificate reference length is not hexadecimal");
            }
            in.position = start;
            String all = c40(in.bytes(C40.encodedLength(6 + referenceLength)));
            if (all.length() != 6 + referenceLength) {
                throw new MalformedSealException("certificate reference length does not match");
            }
            signer = all.substring(0, 4);
            reference = all.substring(6);
        } else {
            String all = c40(in.bytes(6));
            if (all.length() != 9) {
                throw new MalformedSealException("signer identifier and certificate reference must be 9 characters");
            }
            signer = all.substring(0, 4);
            reference = all.substring(4);
        }
        LocalDate issued = readDate(in);
        LocalDate signed = readDate(in);
        int featureReference = in.u8();
        int category = in.u8();
        SealHeader header = new SealHeader(version, country, signer, reference, issued, signed,
                featureReference, category);

        List<Feature> features = new ArrayList<>();
        while (true) {
            int tagPosition = in.position;
            int tag = in.u8();
            int length = in.length();
            byte[] value = in.bytes(length);
            if (tag == SIGNATURE_TAG) {
                if (in.position != seal.length) {
                    throw new MalformedSealException("data after the signature zone");
                }
                if (length == 0 || length % 2 != 0) {
                    throw new MalformedSealException("signature must be r||s of equal lengths");
                }
                if (features.isEmpty()) {
                    throw new MalformedSealException("empty message zone");
                }
                byte[] signedData = java.util.Arrays.copyOf(seal, tagPosition);
                return new DecodedSeal(header, List.copyOf(features), null, signedData, value);
            }
            features.add(new Feature(tag, value));
        }
    }

    static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        } else {
            throw new IllegalArgumentException("feature too long for a seal");
        }
        out.writeBytes(value);
    }

    /** Dates are the decimal number MMDDYYYY written as three big-endian bytes. */
    static void writeDate(ByteArrayOutputStream out, LocalDate date) {
        int value = date.getMonthValue() * 1_000_000 + date.getDayOfMonth() * 10_000 + date.getYear();
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        out.write(value >> 16);
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    private static LocalDate readDate(Reader in) throws MalformedSealException {
        byte[] b = in.bytes(3);
        int value = (b[0] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | b[2] & 0xFF;
        try {
            return LocalDate.of(value % 10_000, value / 1_000_000, value / 10_000 % 100);
        } catch (DateTimeException e) {
            throw new MalformedSealException("invalid date in header");
        }
    }

    private static String c40(byte[] bytes) throws MalformedSealException {
        try {
            return C40.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new MalformedSealException("invalid C40 data: " + e.getMessage());
        }
    }

    private static void requireLength(String value, int length, String what) {
        if (value.length() != length || !C40.isEncodable(value)) {
            throw new IllegalArgumentException(what + " must be " + length + " characters of A-Z 0-9 <");
        }
    }

    private static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        int u8() throws MalformedSealException {
            if (position >= data.length) {
                throw new MalformedSealException("seal is truncated");
            }
            return data[position++] & 0xFF;
        }

        byte[] bytes(int n) throws MalformedSealException {
            if (n < 0 || n > data.length - position) {
                throw new MalformedSealException("seal is truncated");
            }
            byte[] result = java.util.Arrays.copyOfRange(data, position, position + n);
            position += n;
            return result;
        }

        /** BER definite length: short form or 0x81/0x82 long form. */
        int length() throws MalformedSealException {
            int first = u8();
            if (first < 0x80) {
                return first;
            }
            if (first == 0x81) {
                return u8();
            }
            if (first == 0x82) {
                return u8() << 8 | u8();
            }
            throw new MalformedSealException("unsupported length encoding");
        }
    }
}
