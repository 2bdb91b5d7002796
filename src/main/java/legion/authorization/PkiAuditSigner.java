package legion.authorization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import legion.audit.AuditHeadSigner;
import legion.authorization.internal.SigningKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Signs the audit chain's head with the PKI's current signer key (ADR 0070): the signature carries the signer's
 * identifier and certificate reference as key id, and the signer's certificate with the root's, so that a checkpoint
 * is verifiable offline like a seal. ECDSA in the plain r||s form, the hash following the curve size as for seals.
 * One instance is one key: take a new one to follow a rotation.
 */
public final class PkiAuditSigner implements AuditHeadSigner {

    private final SealSigner signer;
    private final X509Certificate root;

    public PkiAuditSigner(SealSigner signer, X509Certificate root) {
        this.signer = signer;
        this.root = root;
    }

    /**
     * The current signer of the PKI kept in {@code database}, for {@code audit-checkpoint} (no server): never creates
     * keys. {@code settings}: {@code keystore-password}, else the generated password file in {@code dataDir}.
     */
    public static PkiAuditSigner fromDatabase(DataSource database, Path dataDir, Map<String, String> settings) {
        Path keystore = dataDir.resolve("authorization").resolve("signing.p12");
        String password = settings.getOrDefault("keystore-password", "");
        if (password.isBlank() && !Files.exists(keystore.resolveSibling("signing.p12.password"))) {
            throw new IllegalStateException("no keystore password: give --legion.authorization.keystore-password "
                    + "as configured on the nodes, or the --legion.data-dir holding authorization/signing.p12.password");
        }
        JdbcKeystoreStorage storage = new JdbcKeystoreStorage(JdbcClient.create(database),
                new DataSourceTransactionManager(database));
        if (storage.version() < 0) {
            throw new IllegalStateException("there are no signing keys in the database yet (start Legion once)");
        }
        SigningKeys keys = SigningKeys.open(new SigningKeys.Settings(keystore, password, "secp256r1", "UALG",
                Duration.ofDays(3650), Duration.ofDays(730)), storage, Clock.systemUTC());
        return new PkiAuditSigner(keys.current(), keys.rootCertificate());
    }

    @Override
    public String keyId() {
        return signer.signerIdentifier() + "/" + signer.certificateReference();
    }

    @Override
    public String algorithm() {
        return algorithmFor(signer.certificate());
    }

    @Override
    public List<X509Certificate> certificates() {
        return List.of(signer.certificate(), root);
    }

    @Override
    public byte[] sign(byte[] data) {
        return signer.sign(data);
    }

    /** BouncyCastle's name of plain ECDSA with the hash ICAO Doc 9303-13 pairs with the key's curve size. */
    static String algorithmFor(X509Certificate certificate) {
        int bits = ((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize();
        String hash = bits <= 224 ? "SHA224" : bits <= 256 ? "SHA256" : bits <= 384 ? "SHA384" : "SHA512";
        return hash + "withPLAIN-ECDSA";
    }
}
