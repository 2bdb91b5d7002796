package legion.authorization;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Travel authorizations: issues ICAO visa seals signed by the legion's PKI, verifies them, revokes them and
 * publishes what offline verifiers need (signer certificates and the signed revocation list).
 *
 * <p>State: the PKCS#12 keystore of {@link SigningKeys} and the signed revocation list of a {@link RevocationStore}
 * (the database when Legion serves, so that every node sees every revocation). A node keeps the current list in
 * memory and asks the store at most once per refresh interval (one second by default) whether another node has
 * published a newer one; its own revocations it sees at once, when their transaction commits. Thread-safe; issuing
 * and verifying run in parallel, revocations are serialized by the store.
 */
public class TravelAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(TravelAuthorizations.class);
    private static final String NUMBER_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ23456789";

    private final SigningKeys keys;
    private final RevocationStore store;
    private final String issuingCountry;
    private final Clock clock;
    private final long refreshNanos;
    private final SecureRandom random = new SecureRandom();
    private volatile RevocationList revocations;
    private volatile SealVerifier verifier;
    private volatile long checkedAt;

    /** With the revocation list in a file (one process only: the command line, tools and tests). */
    public TravelAuthorizations(SigningKeys keys, Path revocationFile, String issuingCountry, Clock clock) {
        this(keys, new FileRevocationStore(revocationFile), issuingCountry, clock, Duration.ofSeconds(1));
    }

    /**
     * @param keys           the PKI
     * @param store          where the signed revocation list is kept; an empty one is published when it holds none
     * @param issuingCountry three-letter code written as issuing country and issuing state, e.g. {@code UKR}
     * @param refresh        how long a node trusts its copy of the list before asking the store for a newer one
     */
    public TravelAuthorizations(SigningKeys keys, RevocationStore store, String issuingCountry, Clock clock,
                                Duration refresh) {
        this.keys = keys;
        this.store = store;
        this.issuingCountry = issuingCountry;
        this.clock = clock;
        this.refreshNanos = refresh.toNanos();
        this.revocations = loadRevocations();
        this.verifier = newVerifier();
        this.checkedAt = System.nanoTime();
    }

    /** The seal bytes in a photo or scan of its DataMatrix barcode (PNG, JPEG …), or empty when none is found. */
    public java.util.Optional<byte[]> readBarcode(byte[] imageFile) {
        try {
            return DataMatrix.read(imageFile);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Issues and signs a seal for an approved volunteer, with its barcode and a letter in English. */
    public IssuedAuthorization issue(SealRequest request) {
        return issue(request, java.util.Locale.ENGLISH);
    }

    /** Issues and signs a seal, with its barcode and a letter in English and, beside it, the volunteer's language. */
    public IssuedAuthorization issue(SealRequest request, java.util.Locale language) {
        refreshIfStale();
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
                request.numberOfEntries(), request.durationOfStayDays(), header.signerKey(), mrz,
                (request.givenNames() + " " + request.surname()).strip(), language);
        byte[] pdf = AuthorizationLetter.pdf(letter, symbol);
        return new IssuedAuthorization(number, seal, DataMatrix.png(symbol), pdf, header.signerKey(),
                request.validFrom(), request.validUntil());
    }

    /**
     * Signs a seal of a program's own document type with the PKI's current signer (see {@link Seals}).
     *
     * @throws IllegalArgumentException when the fields do not fit the type
     */
    byte[] signDocument(SealDocumentType type, java.util.Map<String, String> values) {
        refreshIfStale();
        var features = legion.authorization.internal.DocumentProfile.encode(type, values);
        SealSigner signer = type.expiryField() != null && values.get(type.expiryField()) != null
                ? signerValidUntil(LocalDate.parse(values.get(type.expiryField()))) : keys.current();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        SealHeader header = new SealHeader(SealHeader.VERSION_4, issuingCountry, signer.signerIdentifier(),
                signer.certificateReference(), today, today, type.featureDefinitionReference(), type.category());
        byte[] signedData = SealCodec.encodeSignedData(header, features);
        return SealCodec.appendSignature(signedData, signer.sign(signedData));
    }

    /** Verifies against every signer certificate of the PKI and the current revocation list. */
    public Verification verify(byte[] seal) {
        refreshIfStale();
        return verifier.verify(seal);
    }

    /**
     * Revokes an authorization this system issued and publishes a new signed revocation list, built on the newest
     * one in the store. Inside a transaction the list is published with it and this node uses it once it commits.
     *
     * @return the new list
     */
    public RevocationList revoke(String authorizationNumber) {
        SealSigner signer = keys.current();
        RevocationList.Entry entry = new RevocationList.Entry(signer.signerIdentifier(), authorizationNumber,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        RevocationList next = store.publish(latest -> trusted(latest.orElseThrow(
                () -> new IllegalStateException("the revocation store lost its lists")))
                .with(entry, clock.instant()).sign(signer));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    use(next);
                }
            });
        } else {
            use(next);
        }
        log.info("Revocation list {} published with {} entries", next.sequence(), next.entries().size());
        return next;
    }

    /** Adds a new signer certificate; seals of the old ones keep verifying until they expire. */
    public synchronized X509Certificate rotateSigner() {
        X509Certificate certificate = keys.rotate().certificate();
        verifier = newVerifier();
        return certificate;
    }

    /** Every signer certificate of the PKI, newest (the current signer) first, expired ones included. */
    public List<X509Certificate> signerCertificates() {
        refreshIfStale();
        return keys.signerCertificates();
    }

    /** The signer certificates offline verifiers need, newest first (old ones until they expire). */
    public List<X509Certificate> publishedCertificates() {
        refreshIfStale();
        return keys.signerCertificates().stream()
                .filter(c -> c.getNotAfter().toInstant().isAfter(clock.instant()))
                .toList();
    }

    public X509Certificate rootCertificate() {
        return keys.rootCertificate();
    }

    /** The signer new signatures are made with (another node's newer signer once this node has seen it). */
    public SealSigner currentSigner() {
        refreshIfStale();
        return keys.current();
    }

    /** The current signed revocation list, to publish as {@link RevocationList#serialize()}. */
    public RevocationList currentRevocationList() {
        refreshIfStale();
        return revocations;
    }

    /** Takes a list published here or by another node, unless this node already has a newer one. */
    private synchronized void use(RevocationList list) {
        if (list.sequence() >= revocations.sequence()) {
            revocations = list;
            verifier = newVerifier();
        }
    }

    private void refreshIfStale() {
        long now = System.nanoTime();
        if (now - checkedAt < refreshNanos) {
            return;
        }
        checkedAt = now;
        if (keys.refresh()) { // another node added a signer
            synchronized (this) {
                verifier = newVerifier();
            }
        }
        if (store.latestSequence() != revocations.sequence()) {
            store.latest().map(this::trusted).ifPresent(this::use);
        }
    }

    /** A stored list, parsed, if a signer of this PKI signed it. */
    private RevocationList trusted(String text) {
        RevocationList list = RevocationList.parse(text);
        if (!list.verify(keys.signerCertificates())) {
            throw new IllegalStateException("the stored revocation list is not signed by a signer of the PKI");
        }
        return list;
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
        store.publish(latest -> latest.isPresent() ? null
                : RevocationList.create(0, clock.instant(), List.of()).sign(keys.current()));
        return trusted(store.latest().orElseThrow());
    }
}
