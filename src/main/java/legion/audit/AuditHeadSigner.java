package legion.audit;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Signs the head of the audit chain with a key of the platform's PKI. {@code audit} is base and knows no PKI: the
 * module that keeps the signing keys implements this (ADR 0070). Every signature names its key and algorithm, so
 * keys rotate.
 */
public interface AuditHeadSigner {

    /** Names the key, stable while it is in use (e.g. signer identifier and certificate serial). */
    String keyId();

    /** The JCA name of the signature algorithm {@link #sign} uses, as BouncyCastle knows it. */
    String algorithm();

    /** The signer's certificate first, then its issuers up to the root. */
    List<X509Certificate> certificates();

    byte[] sign(byte[] data);
}
