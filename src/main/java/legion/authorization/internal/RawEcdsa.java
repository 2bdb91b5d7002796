package legion.authorization.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * ECDSA with the plain r||s signature format of seals (BSI TR-03111), on BouncyCastle's lightweight API: it
 * verifies about ten times faster than the JDK 17 provider and knows the Brainpool curves.
 *
 * <p>The hash follows the curve size as ICAO Doc 9303-13 and TR-03111 pair them: SHA-224 up to 224 bits,
 * SHA-256 up to 256, SHA-384 up to 384, SHA-512 above. Signing is deterministic (RFC 6979).
 */
public final class RawEcdsa {

    private RawEcdsa() {
    }

    /** A public key prepared for repeated verification. Thread-safe. */
    public static final class VerificationKey {
        private final ECPublicKeyParameters key;
        private final int fieldBits;
        private final int scalarBytes;

        public VerificationKey(PublicKey publicKey) {
            try {
                if (!(PublicKeyFactory.createKey(publicKey.getEncoded()) instanceof ECPublicKeyParameters ec)) {
                    throw new IllegalArgumentException("not an elliptic curve key");
                }
                this.key = ec;
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not a usable elliptic curve public key", e);
            }
            this.fieldBits = key.getParameters().getCurve().getFieldSize();
            this.scalarBytes = (key.getParameters().getN().bitLength() + 7) / 8;
        }

        /** True when {@code rs} is a valid r||s signature of {@code data}; false for any malformed signature. */
        public boolean verify(byte[] data, byte[] rs) {
            if (rs.length != 2 * scalarBytes) {
                return false;
            }
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, scalarBytes));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, scalarBytes, rs.length));
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, key);
            return signer.verifySignature(hash(fieldBits, data), r, s);
        }
    }

    /** A private key prepared for repeated signing. Thread-safe. */
    public static final class SigningKey {
        private final ECPrivateKeyParameters key;
        private final int fieldBits;
        private final int scalarBytes;

        public SigningKey(PrivateKey privateKey) {
            try {
                if (!(PrivateKeyFactory.createKey(privateKey.getEncoded()) instanceof ECPrivateKeyParameters ec)) {
                    throw new IllegalArgumentException("not an elliptic curve key");
                }
                this.key = ec;
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not a usable elliptic curve private key", e);
            }
            this.fieldBits = key.getParameters().getCurve().getFieldSize();
            this.scalarBytes = (key.getParameters().getN().bitLength() + 7) / 8;
        }

        public byte[] sign(byte[] data) {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(digest(fieldBits)));
            signer.init(true, key);
            BigInteger[] rs = signer.generateSignature(hash(fieldBits, data));
            byte[] out = new byte[2 * scalarBytes];
            put(rs[0], out, 0, scalarBytes);
            put(rs[1], out, scalarBytes, scalarBytes);
            return out;
        }

        private static void put(BigInteger value, byte[] out, int offset, int length) {
            byte[] bytes = value.toByteArray();
            int copy = Math.min(bytes.length, length);
            System.arraycopy(bytes, bytes.length - copy, out, offset + length - copy, copy);
        }
    }

    static Digest digest(int fieldBits) {
        if (fieldBits <= 224) {
            return new SHA224Digest();
        }
        if (fieldBits <= 256) {
            return new SHA256Digest();
        }
        if (fieldBits <= 384) {
            return new SHA384Digest();
        }
        return new SHA512Digest();
    }

    static byte[] hash(int fieldBits, byte[] data) {
        Digest digest = digest(fieldBits);
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
