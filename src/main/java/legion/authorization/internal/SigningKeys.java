package legion.authorization.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import legion.authorization.SealSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legion's small PKI in one PKCS#12 keystore, kept by a {@link Storage} (the database when Legion serves, so all
 * nodes share it; a file for tools): a root CA made on first start and signer certificates under it
 * (alias {@code root} and {@code signer-<generation>-<reference>}, generation counting up from 1). Every signer certificate has subject {@code C=<country>,
 * CN=<two characters>} so that seals name it by signer identifier and serial number ({@link SignerNames}).
 *
 * <p>Rotation adds a signer certificate; old ones stay in the keystore and keep verifying the seals they signed
 * until they expire. Writes are compare-and-set on the stored version, so two nodes rotating at once both end up
 * with both signers; {@link #refresh()} takes what another node stored.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String ROOT = "root";
    private static final String SIGNER_PREFIX = "signer-";

    /**
     * Settings of the PKI. {@code keystore} is the file of the file storage and, without a configured password,
     * where the generated password is kept beside it ({@code <keystore>.password}).
     */
    public record Settings(Path keystore, String password, String curve, String signerIdentifier,
                           Duration rootValidity, Duration signerValidity) {
    }

    /** Where the PKCS#12 bytes are kept, with a version that grows with every write. */
    public interface Storage {

        /** The stored keystore and its version. */
        record Stored(byte[] pkcs12, long version) {
        }

        Optional<Stored> load();

        /** The stored version, {@code -1} when nothing is stored. Cheap: nodes ask it often. */
        long version();

        /**
         * Stores the keystore if the stored version is still {@code expected} ({@code -1}: nothing stored yet), in a
         * transaction of its own.
         *
         * @return the new version, or {@code -1} when another writer stored first
         */
        long save(byte[] pkcs12, long expected);
    }

    /** The keystore in one file, replaced atomically and readable by the owner only. One process only. */
    public static Storage fileStorage(Path file) {
        return new FileKeystoreStorage(file);
    }

    private final BouncyCastleProvider provider = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    private final Settings settings;
    private final Storage storage;
    private final char[] password;
    private final Clock clock;
    private volatile KeyStore store;
    private volatile long version;
    private volatile List<SealSigner> signers;

    private SigningKeys(Settings settings, Storage storage, char[] password, Clock clock) {
        this.settings = settings;
        this.storage = storage;
        this.password = password;
        this.clock = clock;
    }

    /** Opens the keystore file of the settings (see {@link #open(Settings, Storage, Clock)}). */
    public static SigningKeys open(Settings settings, Clock clock) {
        return open(settings, fileStorage(settings.keystore()), clock);
    }

    /**
     * Opens the stored keystore, creating it with a root and a first signer when there is none (when two nodes
     * create it at once, the first stored wins and the other takes it). Without a configured password one is
     * generated and kept beside the settings' keystore path, readable by the owner only.
     */
    public static SigningKeys open(Settings settings, Storage storage, Clock clock) {
        try {
            Files.createDirectories(settings.keystore().toAbsolutePath().getParent());
            SigningKeys keys = new SigningKeys(settings, storage, password(settings), clock);
            for (int attempt = 0; attempt < 3; attempt++) {
                if (keys.reload()) {
                    return keys;
                }
                KeyStore fresh = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
                fresh.load(null, null);
                keys.createRoot(fresh);
                keys.addSigner(fresh);
                long stored = storage.save(keys.bytes(fresh), -1);
                if (stored >= 0) {
                    keys.use(fresh, stored);
                    log.info("Created the signing PKI (root and first signer, curve {})", settings.curve());
                    return keys;
                }
            }
            throw new IllegalStateException("the signing keystore keeps changing while it is opened");
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot open the signing keystore", e);
        }
    }

    /**
     * Takes the stored keystore if another node (or process) changed it since this one read it.
     *
     * @return true when it changed
     */
    public synchronized boolean refresh() {
        return storage.version() != version && reload();
    }

    /** Reads the stored keystore; false when there is none. */
    private synchronized boolean reload() {
        Optional<Storage.Stored> stored = storage.load();
        if (stored.isEmpty()) {
            return false;
        }
        try {
            KeyStore loaded = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
            loaded.load(new java.io.ByteArrayInputStream(stored.get().pkcs12()), password);
            use(loaded, stored.get().version());
            return true;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the signing keystore (is the keystore password the same "
                    + "on every node?)", e);
        }
    }

    private synchronized void use(KeyStore keystore, long storedVersion) {
        this.store = keystore;
        this.version = storedVersion;
        this.signers = null;
    }

    private byte[] bytes(KeyStore keystore) throws IOException, GeneralSecurityException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        keystore.store(out, password);
        return out.toByteArray();
    }

    /** All signer certificates, newest (highest generation) first. */
    public List<X509Certificate> signerCertificates() {
        return signers().stream().map(SealSigner::certificate).toList();
    }

    public X509Certificate rootCertificate() {
        try {
            return (X509Certificate) store.getCertificate(ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest signer. */
    public SealSigner current() {
        return signers().get(0);
    }

    /**
     * Adds a new signer certificate under the root and makes it current; the old ones keep verifying. When another
     * node stored a change first, its keystore is taken and the signer added to it.
     */
    public synchronized SealSigner rotate() {
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                refresh();
                KeyStore copy = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
                copy.load(new java.io.ByteArrayInputStream(bytes(store)), password);
                addSigner(copy);
                long stored = storage.save(bytes(copy), version);
                if (stored >= 0) {
                    use(copy, stored);
                    return current();
                }
            }
            throw new IllegalStateException("the signing keystore keeps changing while a signer is added");
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a signer certificate", e);
        }
    }

    private void addSigner(KeyStore store) throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair pair = keyPair();
        PrivateKey rootKey = (PrivateKey) store.getKey(ROOT, password);
        X509Certificate root = (X509Certificate) store.getCertificate(ROOT);
        Instant now = clock.instant();
        BigInteger serial = serial();
        String identifier = settings.signerIdentifier();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, identifier.substring(0, 2))
                .addRDN(BCStyle.O, "Legion")
                .addRDN(BCStyle.CN, identifier.substring(2)).build();
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(settings.signerValidity())),
                subject, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(root))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        utils.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = sign(builder, rootKey);
        String reference = SignerNames.certificateReference(certificate);
        long generation = Collections.list(store.aliases()).stream().filter(a -> a.startsWith(SIGNER_PREFIX))
                .count() + 1;
        store.setKeyEntry(String.format("%s%05d-%s", SIGNER_PREFIX, generation, reference), pair.getPrivate(),
                password,
                new java.security.cert.Certificate[] {certificate, root});
        log.info("Added signer certificate {}{} valid until {}", identifier, reference,
                certificate.getNotAfter().toInstant());
    }

    private void createRoot(KeyStore store) throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair pair = keyPair();
        Instant now = clock.instant();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, settings.signerIdentifier().substring(0, 2))
                .addRDN(BCStyle.O, "Legion")
                .addRDN(BCStyle.CN, "Legion Travel Authorization Root").build();
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(settings.rootValidity())), name,
                pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        utils.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate root = sign(builder, pair.getPrivate());
        store.setKeyEntry(ROOT, pair.getPrivate(), password, new java.security.cert.Certificate[] {root});
    }

    private List<SealSigner> signers() {
        List<SealSigner> cached = signers;
        if (cached != null) {
            return cached;
        }
        try {
            List<SealSigner> signers = new ArrayList<>();
            List<String> aliases = Collections.list(store.aliases());
            aliases.sort(Comparator.reverseOrder());
            for (String alias : aliases) {
                if (alias.startsWith(SIGNER_PREFIX)) {
                    X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
                    signers.add(new KeystoreSigner(certificate, (PrivateKey) store.getKey(alias, password)));
                }
            }
            if (signers.isEmpty()) {
                throw new IllegalStateException("the signing keystore holds no signer");
            }
            this.signers = List.copyOf(signers);
            return this.signers;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the signing keystore", e);
        }
    }

    private KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec(settings.curve()), random);
        return generator.generateKeyPair();
    }

    /** Positive 64-bit serials: unique enough and short in the seal header. */
    private BigInteger serial() {
        return new BigInteger(63, random).setBit(62);
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        String algorithm = settings.curve().contains("384") ? "SHA384withECDSA"
                : settings.curve().contains("521") || settings.curve().contains("512") ? "SHA512withECDSA"
                : "SHA256withECDSA";
        return new JcaX509CertificateConverter().setProvider(provider)
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).setProvider(provider).build(key)));
    }

    private static char[] password(Settings settings) throws IOException {
        if (settings.password() != null && !settings.password().isBlank()) {
            return settings.password().toCharArray();
        }
        Path file = settings.keystore().resolveSibling(settings.keystore().getFileName() + ".password");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Files.createFile(file);
        AtomicFiles.ownerOnly(file);
        Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
        log.warn("No legion.authorization.keystore-password configured: generated one and stored it in {} "
                + "(owner read/write only); configure a password from a secret store in production", file);
        return generated.toCharArray();
    }

    private static final class KeystoreSigner implements SealSigner {
        private final X509Certificate certificate;
        private final RawEcdsa.SigningKey key;
        private final String identifier;
        private final String reference;

        KeystoreSigner(X509Certificate certificate, PrivateKey key) {
            this.certificate = certificate;
            this.key = new RawEcdsa.SigningKey(key);
            this.identifier = SignerNames.signerIdentifier(certificate)
                    .orElseThrow(() -> new IllegalStateException("signer certificate does not name a seal signer"));
            this.reference = SignerNames.certificateReference(certificate);
        }

        @Override
        public String signerIdentifier() {
            return identifier;
        }

        @Override
        public String certificateReference() {
            return reference;
        }

        @Override
        public X509Certificate certificate() {
            return certificate;
        }

        @Override
        public byte[] sign(byte[] data) {
            return key.sign(data);
        }
    }
}
