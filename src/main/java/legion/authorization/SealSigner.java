package legion.authorization;

import java.security.cert.X509Certificate;

/**
 * A signing key behind an interface: callers see only the names a seal carries (signer identifier, certificate
 * reference) and the certificate verifiers need, so keys rotate without callers noticing.
 */
public interface SealSigner {

    /** Country code and two alphanumerics, e.g. {@code UALG}. */
    String signerIdentifier();

    /** Upper-case hex serial number of {@link #certificate()}. */
    String certificateReference();

    X509Certificate certificate();

    /** ECDSA signature of {@code data} in the plain r||s format, hash chosen by curve size. */
    byte[] sign(byte[] data);
}
