package legion.authorization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared ICAO conformance vector (tsenger/vdstools, Apache-2.0), copied into src/test/resources/vds. */
final class TestVectors {

    private TestVectors() {
    }

    static String resource(String name) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/vds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string value of the first vector, read from the JSON without a JSON library. */
    static String vectorField(String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(resource("vectors.json"));
        if (!m.find()) {
            throw new IllegalStateException("no field " + field);
        }
        return m.group(1).replace("\\n", "\n");
    }

    static byte[] visaSeal() {
        return HexFormat.of().parseHex(vectorField("hex"));
    }

    static X509Certificate signerCertificate() {
        try (InputStream in = TestVectors.class.getResourceAsStream("/vds/signer-DETS32.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509",
                    new org.bouncycastle.jce.provider.BouncyCastleProvider()).generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
