package legion.authorization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
 * The legion's small PKI in one PKCS#12 file: a root CA made on first start and signer certificates under it
 * (alias {@code root} and {@code signer-<generation>-<reference>}, generation counting up from 1). Every signer certificate has subject {@code C=<country>,
 * CN=<two characters>} so that seals name it by signer identifier and serial number ({@link SignerNames}).
 *
 * <p>Rotation adds a signer certificate; old ones stay in the file and keep verifying the seals they signed until
 * they expire. Not thread-safe for writes; {@code TravelAuthorizations} serializes them.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String ROOT = "root";
    private static final String SIGNER_PREFIX = "signer-";

    /** Settings of the PKI. */
    public record Settings(Path keystore, String password, String curve, String signerIdentifier,
                           Duration rootValidity, Duration signerValidity) {
    }

    private final BouncyCastleProvider provider = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    private final Settings settings;
    private final char[] password;
    private final Clock clock;
    private final KeyStore store;
    private volatile List<SealSigner> signers;

    private SigningKeys(Settings settings, char[] password, Clock clock, KeyStore store) {
        this.settings = settings;
        this.password = password;
        this.clock = clock;
        this.store = store;
    }

    /**
     * Opens the keystore, creating it with a root and a first signer when missing. Without a configured password
     * one is generated and kept beside the keystore, readable by the owner only.
     */
    public static SigningKeys open(Settings settings, Clock clock) {
        try {
            Files.createDirectories(settings.keystore().toAbsolutePath().getParent());
            char[] password = password(settings);
            SigningKeys keys;
            if (Files.exists(settings.keystore())) {
                KeyStore store = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
                try (InputStream in = Files.newInputStream(settings.keystore())) {
                    store.load(in, password);
                }
                keys = new SigningKeys(settings, password, clock, store);
            } else {
                KeyStore store = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
                store.load(null, null);
                keys = new SigningKeys(settings, password, clock, store);
                keys.createRoot();
                keys.rotate();
                log.info("Created the signing PKI (root and first signer, curve {}) in {}", settings.curve(),
                        settings.keystore());
            }
            return keys;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot open the signing keystore " + settings.keystore(), e);
        }
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

    /** Adds a new signer certificate under the root and makes it current; the old ones keep verifying. */
    public synchronized SealSigner rotate() {
        try {
            KeyPair pair = keyPair();
            PrivateKey rootKey = (PrivateKey) store.getKey(ROOT, password);
            X509Certificate root = rootCertificate();
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
            save();
            signers = null;
            log.info("Added signer certificate {}{} valid until {}", identifier, reference,
                    certificate.getNotAfter().toInstant());
            return current();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a signer certificate", e);
        }
    }

    private void createRoot() throws GeneralSecurityException, IOException, OperatorCreationException {
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

    private void save() throws IOException, GeneralSecurityException {
        Path target = settings.keystore();
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".signing", ".tmp");
        restrict(temporary);
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
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
        restrict(file);
        Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
        log.warn("No legion.authorization.keystore-password configured: generated one and stored it in {} "
                + "(owner read/write only); configure a password from a secret store in production", file);
        return generated.toCharArray();
    }

    private static void restrict(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
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
