package legion.authorization.internal;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * How a seal names its signer certificate: the signer identifier is the certificate subject's country (C) followed
 * by its two-character common name (CN), the certificate reference is the serial number in upper-case hex.
 * This is the convention of ICAO Doc 9303-13 and of its public test certificates (C=DE, CN=TS, serial 0x32 is
 * {@code DETS} / {@code 32}).
 */
public final class SignerNames {

    private SignerNames() {
    }

    /** The signer identifier a certificate stands for, empty when its subject does not follow the convention. */
    public static Optional<String> signerIdentifier(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        Optional<String> country = attribute(subject, BCStyle.C);
        Optional<String> name = attribute(subject, BCStyle.CN);
        if (country.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        String identifier = (country.get() + name.get()).toUpperCase(Locale.ROOT);
        return identifier.length() == 4 && C40.isEncodable(identifier) ? Optional.of(identifier) : Optional.empty();
    }

    public static String certificateReference(X509Certificate certificate) {
        String hex = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    /** True when the seal's signer identifier and certificate reference name this certificate. */
    public static boolean matches(X509Certificate certificate, String signerIdentifier, String reference) {
        if (!signerIdentifier(certificate).map(signerIdentifier::equals).orElse(false)) {
            return false;
        }
        try {
            return new BigInteger(reference, 16).equals(certificate.getSerialNumber());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<String> attribute(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length != 1) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }
}
