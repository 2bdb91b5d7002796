package legion.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A signed statement "at {@code signedAt} the audit chain's head was at {@code position} with link {@code mac}":
 * what the sealer stores in {@code audit_head_signature} and in its data directory, and what
 * {@code audit-checkpoint} writes to a file (ADR 0070). The signed bytes are
 * {@code legion-audit-head-v1 \n position \n mac \n signedAt \n keyId}.
 *
 * @param certificates the signer's certificate first, then its issuers (DER)
 */
public record SignedHead(long position, String mac, Instant signedAt, String keyId, String algorithm,
                         byte[] signature, List<X509Certificate> certificates) {

    static final String FORMAT = "legion-audit-checkpoint-1";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    public SignedHead {
        certificates = List.copyOf(certificates);
    }

    /** Signs the head {@code (position, mac)} now. */
    public static SignedHead sign(AuditHeadSigner signer, long position, String mac, Instant now) {
        Instant at = AuditChain.canonical(now);
        byte[] data = signedBytes(position, mac, at, signer.keyId());
        return new SignedHead(position, mac, at, signer.keyId(), signer.algorithm(), signer.sign(data),
                signer.certificates());
    }

    static byte[] signedBytes(long position, String mac, Instant at, String keyId) {
        return ("legion-audit-head-v1\n" + position + "\n" + mac + "\n" + at + "\n" + keyId)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** True when the signature verifies with the first certificate's key. */
    public boolean signatureValid() {
        if (certificates.isEmpty()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm, BC);
            verifier.initVerify(certificates.get(0).getPublicKey());
            verifier.update(signedBytes(position, mac, signedAt, keyId));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The certificates as one base64 text, DER certificates separated by commas (the database column). */
    String certificatesText() {
        List<String> parts = new ArrayList<>();
        for (X509Certificate c : certificates) {
            try {
                parts.add(Base64.getEncoder().encodeToString(c.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(",", parts);
    }

    static List<X509Certificate> parseCertificates(String text) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(part.strip()))));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable certificate", e);
        }
        return out;
    }

    String signatureText() {
        return Base64.getEncoder().encodeToString(signature);
    }

    /** Writes the head as a checkpoint file (properties text), replacing {@code file} atomically. */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("position", Long.toString(position));
        p.setProperty("mac", mac);
        p.setProperty("signed-at", signedAt.toString());
        p.setProperty("key-id", keyId);
        p.setProperty("algorithm", algorithm);
        p.setProperty("signature", signatureText());
        p.setProperty("certificates", certificatesText());
        StringWriter text = new StringWriter();
        p.store(text, "Legion audit checkpoint: keep it where the database's writers cannot reach");
        Path absolute = file.toAbsolutePath();
        Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(text.toString());
        }
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a checkpoint file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is no checkpoint, naming what is wrong
     */
    public static SignedHead read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a checkpoint file (malformed text)");
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("not a checkpoint file (format is not " + FORMAT + ")");
        }
        try {
            String mac = required(p, "mac");
            if (!mac.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the mac is not 64 hex digits");
            }
            return new SignedHead(Long.parseLong(required(p, "position")), mac,
                    Instant.parse(required(p, "signed-at")), required(p, "key-id"), required(p, "algorithm"),
                    Base64.getDecoder().decode(required(p, "signature")),
                    parseCertificates(required(p, "certificates")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the position is not a number");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("signed-at is not a time");
        }
    }

    private static String required(Properties p, String name) {
        String v = p.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the field " + name + " is missing");
        }
        return v.strip();
    }
}
