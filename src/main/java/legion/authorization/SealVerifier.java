package legion.authorization;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import legion.authorization.internal.DocumentProfile;
import legion.authorization.internal.RawEcdsa;
import legion.authorization.internal.SealCodec;
import legion.authorization.internal.SignerNames;
import legion.authorization.internal.VisaProfile;

/**
 * Verifies seals offline — ICAO visas and the document types programs registered ({@link SealDocumentTypes}) —
 * against a fixed set of trusted signer certificates and, optionally, a revocation list. Spring-free and
 * thread-safe; build one per set of certificates and reuse it.
 *
 * <p>Checks, in order: structure ({@code MALFORMED}), signer lookup by signer identifier and certificate reference
 * ({@code UNKNOWN_SIGNER}), signature ({@code BAD_SIGNATURE}), document type ({@code WRONG_DOCUMENT_TYPE}: neither
 * a visa nor a registered type), the type's profile ({@code MALFORMED}), revocation ({@code REVOKED}), then validity
 * ({@code EXPIRED}): the seal must have been signed within the certificate's validity, and today must be within both
 * the certificate's validity and the document's date of expiry (a registered type may have none).
 */
@org.springframework.modulith.NamedInterface("seals")
public final class SealVerifier {

    private final Map<String, Trusted> trusted = new HashMap<>();
    private final RevocationList revocations;
    private final Clock clock;

    /**
     * @param certificates signer certificates; others ({@link #isSealSigner}) are ignored
     * @param revocations  a revocation list whose signature the caller has verified, or {@code null}
     * @param clock        the time "now" is judged by
     */
    public SealVerifier(Collection<X509Certificate> certificates, RevocationList revocations, Clock clock) {
        for (X509Certificate certificate : certificates) {
            if (isSealSigner(certificate)) {
                trusted.put(key(SignerNames.signerIdentifier(certificate).orElseThrow(), certificate.getSerialNumber()),
                        new Trusted(certificate, new RawEcdsa.VerificationKey(certificate.getPublicKey())));
            }
        }
        this.revocations = revocations;
        this.clock = clock;
    }

    public SealVerifier(Collection<X509Certificate> certificates) {
        this(certificates, null, Clock.systemUTC());
    }

    /**
     * True when a certificate can sign seals: its subject names a signer (country and two-character common name)
     * and its key is an elliptic curve key. Other certificates given to a verifier are ignored.
     */
    public static boolean isSealSigner(X509Certificate certificate) {
        if (SignerNames.signerIdentifier(certificate).isEmpty()) {
            return false;
        }
        try {
            new RawEcdsa.VerificationKey(certificate.getPublicKey());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The trusted certificate a seal names, if any. */
    public Optional<X509Certificate> certificateFor(SealHeader header) {
        return Optional.ofNullable(lookup(header)).map(Trusted::certificate);
    }

    public Verification verify(byte[] seal) {
        DecodedSeal decoded;
        try {
            decoded = SealCodec.decode(seal);
        } catch (MalformedSealException e) {
            return new Verification(VerificationStatus.MALFORMED, e.getMessage(), null);
        }
        SealHeader header = decoded.header();
        Trusted signer = lookup(header);
        if (signer == null) {
            return new Verification(VerificationStatus.UNKNOWN_SIGNER,
                    "no trusted certificate for signer " + header.signerKey(), decoded);
        }
        if (!signer.key().verify(decoded.signedData(), decoded.signature())) {
            return new Verification(VerificationStatus.BAD_SIGNATURE,
                    "signature does not verify with certificate " + header.signerKey(), decoded);
        }
        if (!header.isVisa()) {
            var type = header.registeredType();
            if (type.isEmpty()) {
                return new Verification(VerificationStatus.WRONG_DOCUMENT_TYPE,
                        "document type " + header.documentTypeName() + " is not a visa", decoded);
            }
            return verifyDocument(decoded, type.get(), signer);
        }
        VisaContent visa;
        try {
            visa = VisaProfile.decode(decoded.features());
        } catch (MalformedSealException e) {
            return new Verification(VerificationStatus.MALFORMED, e.getMessage(), decoded);
        }
        decoded = new DecodedSeal(header, decoded.features(), visa, decoded.signedData(), decoded.signature());
        if (revocations != null && revocations.isRevoked(header.signerIdentifier(), visa.documentNumber())) {
            return new Verification(VerificationStatus.REVOKED, "listed in revocation list number "
                    + revocations.sequence(), decoded);
        }
        Verification certificate = certificateValidity(decoded, signer);
        if (certificate != null) {
            return certificate;
        }
        if (visa.expiryDate().isBefore(LocalDate.now(clock))) {
            return new Verification(VerificationStatus.EXPIRED, "visa expired on " + visa.expiryDate(), decoded);
        }
        return new Verification(VerificationStatus.VALID, "signature valid, signer " + header.signerKey(), decoded);
    }

    /** A program's own document type: its profile, revocation of its number, validity, its expiry if it has one. */
    private Verification verifyDocument(DecodedSeal decoded, SealDocumentType type, Trusted signer) {
        SealHeader header = decoded.header();
        java.util.Map<String, String> fields;
        try {
            fields = DocumentProfile.decode(type, decoded.features());
        } catch (MalformedSealException e) {
            return new Verification(VerificationStatus.MALFORMED, e.getMessage(), decoded);
        }
        decoded = new DecodedSeal(header, decoded.features(), null, decoded.signedData(), decoded.signature(), fields);
        if (revocations != null && revocations.isRevoked(header.signerIdentifier(), fields.get(type.numberField()))) {
            return new Verification(VerificationStatus.REVOKED, "listed in revocation list number "
                    + revocations.sequence(), decoded);
        }
        Verification certificate = certificateValidity(decoded, signer);
        if (certificate != null) {
            return certificate;
        }
        if (type.expiryField() != null && fields.containsKey(type.expiryField())
                && LocalDate.parse(fields.get(type.expiryField())).isBefore(LocalDate.now(clock))) {
            return new Verification(VerificationStatus.EXPIRED, "document expired on " + fields.get(type.expiryField()),
                    decoded);
        }
        return new Verification(VerificationStatus.VALID, "signature valid, signer " + header.signerKey(), decoded);
    }

    /** EXPIRED when the seal was signed outside its certificate's validity or the certificate has expired. */
    private Verification certificateValidity(DecodedSeal decoded, Trusted signer) {
        SealHeader header = decoded.header();
        LocalDate certificateStart = date(signer.certificate().getNotBefore());
        LocalDate certificateEnd = date(signer.certificate().getNotAfter());
        if (header.signatureCreationDate().isBefore(certificateStart)
                || header.signatureCreationDate().isAfter(certificateEnd)) {
            return new Verification(VerificationStatus.EXPIRED,
                    "signed outside the validity of certificate " + header.signerKey(), decoded);
        }
        if (clock.instant().isAfter(signer.certificate().getNotAfter().toInstant())) {
            return new Verification(VerificationStatus.EXPIRED,
                    "signer certificate " + header.signerKey() + " expired on " + certificateEnd, decoded);
        }
        return null;
    }

    /** Decodes without any trust decision (for display of what a seal claims). */
    public static DecodedSeal decode(byte[] seal) throws MalformedSealException {
        DecodedSeal decoded = SealCodec.decode(seal);
        if (!decoded.header().isVisa()) {
            var type = decoded.header().registeredType();
            return type.isEmpty() ? decoded : new DecodedSeal(decoded.header(), decoded.features(), null,
                    decoded.signedData(), decoded.signature(), DocumentProfile.decode(type.get(), decoded.features()));
        }
        VisaContent visa = VisaProfile.decode(decoded.features());
        return new DecodedSeal(decoded.header(), decoded.features(), visa, decoded.signedData(), decoded.signature());
    }

    public List<X509Certificate> certificates() {
        return trusted.values().stream().map(Trusted::certificate).toList();
    }

    private Trusted lookup(SealHeader header) {
        try {
            return trusted.get(key(header.signerIdentifier(), new BigInteger(header.certificateReference(), 16)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String key(String signerIdentifier, BigInteger serial) {
        return signerIdentifier + ':' + serial.toString(16);
    }

    private static LocalDate date(java.util.Date date) {
        return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private record Trusted(X509Certificate certificate, RawEcdsa.VerificationKey key) {
    }
}
