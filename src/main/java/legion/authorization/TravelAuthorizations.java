package legion.authorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import legion.authorization.internal.AuthorizationLetter;
import legion.authorization.internal.DataMatrix;
import legion.authorization.internal.SealCodec;
import legion.authorization.internal.SigningKeys;
import legion.authorization.internal.VisaMrz;
import legion.authorization.internal.VisaProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Travel authorizations: issues ICAO visa seals signed by the legion's PKI, verifies them, revokes them and
 * publishes what offline verifiers need (signer certificates and the signed revocation list).
 *
 * <p>State: the PKCS#12 keystore of {@link SigningKeys} and the current signed revocation list in one text file
 * beside it. Thread-safe; issuing and verifying run in parallel, revocation and rotation are serialized.
 */
public class TravelAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(TravelAuthorizations.class);
    private static final String NUMBER_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ23456789";

    private final SigningKeys keys;
    private final Path revocationFile;
    private final String issuingCountry;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile RevocationList revocations;
    private volatile SealVerifier verifier;

    /**
     * @param keys           the PKI
     * @param revocationFile where the current signed revocation list is kept and read back on start
     * @param issuingCountry three-letter code written as issuing country and issuing state, e.g. {@code UKR}
     */
    public TravelAuthorizations(SigningKeys keys, Path revocationFile, String issuingCountry, Clock clock) {
        this.keys = keys;
        this.revocationFile = revocationFile;
        this.issuingCountry = issuingCountry;
        this.clock = clock;
        this.revocations = loadRevocations();
        this.verifier = newVerifier();
    }

    /** The seal bytes in a photo or scan of its DataMatrix barcode (PNG, JPEG …), or empty when none is found. */
    public java.util.Optional<byte[]> readBarcode(byte[] imageFile) {
        try {
            return DataMatrix.read(imageFile);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Issues and signs a seal for an approved volunteer, with its barcode and letter. */
    public IssuedAuthorization issue(SealRequest request) {
        SealSigner signer = signerValidUntil(request.validUntil());
        String number = authorizationNumber();
        String mrz = VisaMrz.mrvB('<', issuingCountry, request.surname(), request.givenNames(), request.nationality(),
                number,
                VisaMrz.stateCode(request.nationality()), request.dateOfBirth(), request.sex(), request.validUntil());
        VisaContent visa = new VisaContent(mrz, VisaContent.MrzType.MRV_B, request.numberOfEntries(),
                DurationOfStay.ofDays(request.durationOfStayDays()), request.passportNumber());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        SealHeader header = new SealHeader(SealHeader.VERSION_4, issuingCountry, signer.signerIdentifier(),
                signer.certificateReference(), today, today, VisaProfile.FEATURE_REFERENCE, VisaProfile.CATEGORY);
        byte[] signedData = SealCodec.encodeSignedData(header, VisaProfile.encode(visa));
        byte[] seal = SealCodec.appendSignature(signedData, signer.sign(signedData));

        BitMatrix symbol = DataMatrix.encode(seal);
        String name = visa.nameField();
        int split = name.indexOf("<<");
        AuthorizationLetter.Content letter = new AuthorizationLetter.Content(number,
                (split < 0 ? name : name.substring(0, split)).replace('<', ' '),
                split < 0 ? "" : name.substring(split + 2).replace('<', ' '), request.passportNumber(),
                visa.nationality().replace("<", ""), request.dateOfBirth(), request.validFrom(), request.validUntil(),
                request.numberOfEntries(), request.durationOfStayDays(), header.signerKey(), mrz);
        byte[] pdf = AuthorizationLetter.pdf(letter, symbol);
        return new IssuedAuthorization(number, seal, DataMatrix.png(symbol), pdf, header.signerKey(),
                request.validFrom(), request.validUntil());
    }

    /** Verifies against every signer certificate of the PKI and the current revocation list. */
    public Verification verify(byte[] seal) {
        return verifier.verify(seal);
    }

    /**
     * Revokes an authorization this system issued and publishes a new signed revocation list.
     *
     * @return the new list
     */
    public synchronized RevocationList revoke(String authorizationNumber) {
        SealSigner signer = keys.current();
        RevocationList.Entry entry = new RevocationList.Entry(signer.signerIdentifier(), authorizationNumber,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        RevocationList next = revocations.with(entry, clock.instant()).sign(signer);
        store(next);
        revocations = next;
        verifier = newVerifier();
        log.info("Revocation list {} published with {} entries", next.sequence(), next.entries().size());
        return next;
    }

    /** Adds a new signer certificate; seals of the old ones keep verifying until they expire. */
    public synchronized X509Certificate rotateSigner() {
        X509Certificate certificate = keys.rotate().certificate();
        verifier = newVerifier();
        return certificate;
    }

    /** The signer certificates offline verifiers need, newest first (old ones until they expire). */
    public List<X509Certificate> publishedCertificates() {
        return keys.signerCertificates().stream()
                .filter(c -> c.getNotAfter().toInstant().isAfter(clock.instant()))
                .toList();
    }

    public X509Certificate rootCertificate() {
        return keys.rootCertificate();
    }

    /** The current signed revocation list, to publish as {@link RevocationList#serialize()}. */
    public RevocationList currentRevocationList() {
        return revocations;
    }

    private SealSigner signerValidUntil(LocalDate validUntil) {
        SealSigner current = keys.current();
        if (covers(current, validUntil)) {
            return current;
        }
        synchronized (this) {
            current = keys.current();
            if (!covers(current, validUntil)) {
                log.info("Current signer certificate ends before a requested validity: rotating");
                rotateSigner();
                current = keys.current();
            }
        }
        if (!covers(current, validUntil)) {
            throw new IllegalArgumentException("validity ends after any signer certificate would");
        }
        return current;
    }

    private static boolean covers(SealSigner signer, LocalDate validUntil) {
        return !signer.certificate().getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                .isBefore(validUntil);
    }

    private String authorizationNumber() {
        char[] number = new char[9];
        for (int i = 0; i < number.length; i++) {
            number[i] = NUMBER_ALPHABET.charAt(random.nextInt(NUMBER_ALPHABET.length()));
        }
        return new String(number);
    }

    private SealVerifier newVerifier() {
        return new SealVerifier(keys.signerCertificates(), revocations, clock);
    }

    private RevocationList loadRevocations() {
        try {
            if (Files.exists(revocationFile)) {
                RevocationList list = RevocationList.parse(Files.readString(revocationFile, StandardCharsets.UTF_8));
                if (!list.verify(keys.signerCertificates())) {
                    throw new IllegalStateException("the stored revocation list is not signed by a signer of the PKI");
                }
                return list;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RevocationList empty = RevocationList.create(0, clock.instant(), List.of()).sign(keys.current());
        store(empty);
        return empty;
    }

    private void store(RevocationList list) {
        try {
            Files.createDirectories(revocationFile.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(revocationFile.toAbsolutePath().getParent(), ".revocations", ".tmp");
            Files.writeString(temporary, list.serialize(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, revocationFile, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, revocationFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
