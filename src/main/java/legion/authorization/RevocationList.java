package legion.authorization;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import legion.authorization.internal.C40;
import legion.authorization.internal.RawEcdsa;
import legion.authorization.internal.SignerNames;

/**
 * A signed list of revoked travel authorizations (see docs/adr/0011-revocation-list.md).
 *
 * <p>An entry names a seal by its signer identifier and the visa number of its MRZ (the authorization number this
 * system puts there); it revokes that authorization whatever certificate of the signer signed it. The list is
 * UTF-8 text, one item per line, signed by a seal signer with the same plain r||s ECDSA as the seals:
 * <pre>
 * LEGION-REVOCATION-LIST 1
 * signer UALG 5E21A9C4D1
 * sequence 7
 * issued 2026-11-27T09:00:00Z
 * revoked UALG ABC123XYZ 2026-11-27
 * signature &lt;base64 of r||s over every byte before this line&gt;
 * </pre>
 * Sequence numbers grow with every list a signer publishes; a verifier keeps the highest it has seen.
 */
public final class RevocationList {

    private static final String MAGIC = "LEGION-REVOCATION-LIST 1";

    /** One revoked authorization. */
    public record Entry(String signerIdentifier, String documentNumber, LocalDate revokedOn) {
        public Entry {
            if (signerIdentifier.length() != 4 || !C40.isEncodable(signerIdentifier) || documentNumber.isEmpty()
                    || documentNumber.length() > 9 || !C40.isEncodable(documentNumber)
                    || documentNumber.contains("<")) {
                throw new IllegalArgumentException("revocation entry must name a signer and an MRZ document number");
            }
        }
    }

    private final long sequence;
    private final Instant issued;
    private final List<Entry> entries;
    private final Set<String> index;
    private final String signerIdentifier;
    private final String certificateReference;
    private final byte[] signature;

    private RevocationList(long sequence, Instant issued, Collection<Entry> entries, String signerIdentifier,
                           String certificateReference, byte[] signature) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        this.sequence = sequence;
        this.issued = issued.with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
        this.entries = entries.stream()
                .sorted(Comparator.comparing(Entry::signerIdentifier).thenComparing(Entry::documentNumber))
                .toList();
        this.index = this.entries.stream().map(e -> e.signerIdentifier() + ' ' + e.documentNumber())
                .collect(Collectors.toUnmodifiableSet());
        this.signerIdentifier = signerIdentifier;
        this.certificateReference = certificateReference;
        this.signature = signature;
    }

    /** An unsigned list; {@link #sign} it before publishing. */
    public static RevocationList create(long sequence, Instant issued, Collection<Entry> entries) {
        return new RevocationList(sequence, issued, entries, null, null, null);
    }

    public RevocationList sign(SealSigner signer) {
        RevocationList named = new RevocationList(sequence, issued, entries, signer.signerIdentifier(),
                signer.certificateReference(), null);
        return new RevocationList(sequence, issued, entries, signer.signerIdentifier(),
                signer.certificateReference(), signer.sign(named.signedText().getBytes(StandardCharsets.UTF_8)));
    }

    public String serialize() {
        if (signature == null) {
            throw new IllegalStateException("sign the revocation list before serializing it");
        }
        return signedText() + "signature " + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /** Parses a serialized list; does not verify it. Throws {@link IllegalArgumentException} on any syntax error. */
    public static RevocationList parse(String text) {
        String[] lines = text.split("\n", -1);
        try {
            if (lines.length < 6 || !MAGIC.equals(lines[0]) || !lines[lines.length - 1].isEmpty()) {
                throw new IllegalArgumentException("not a revocation list");
            }
            String[] signer = field(lines[1], "signer", 3);
            long sequence = Long.parseLong(field(lines[2], "sequence", 2)[1]);
            Instant issued = Instant.parse(field(lines[3], "issued", 2)[1]);
            List<Entry> entries = new ArrayList<>();
            for (int i = 4; i < lines.length - 2; i++) {
                String[] entry = field(lines[i], "revoked", 4);
                entries.add(new Entry(entry[1], entry[2], LocalDate.parse(entry[3])));
            }
            byte[] signature = Base64.getDecoder().decode(field(lines[lines.length - 2], "signature", 2)[1]);
            RevocationList list = new RevocationList(sequence, issued, entries, signer[1], signer[2], signature);
            if (!list.serialize().equals(text)) {
                throw new IllegalArgumentException("revocation list is not in canonical form");
            }
            return list;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("revocation list has an invalid value", e);
        }
    }

    /** True when the list is signed by one of these certificates, matched by signer identifier and reference. */
    public boolean verify(Collection<X509Certificate> certificates) {
        if (signature == null) {
            return false;
        }
        byte[] text = signedText().getBytes(StandardCharsets.UTF_8);
        for (X509Certificate certificate : certificates) {
            if (SignerNames.matches(certificate, signerIdentifier, certificateReference)
                    && new RawEcdsa.VerificationKey(certificate.getPublicKey()).verify(text, signature)) {
                return true;
            }
        }
        return false;
    }

    public boolean isRevoked(String signerIdentifier, String documentNumber) {
        return index.contains(signerIdentifier + ' ' + documentNumber);
    }

    /** A new unsigned list with one more entry and the next sequence number. */
    public RevocationList with(Entry entry, Instant now) {
        List<Entry> more = new ArrayList<>(entries);
        if (!isRevoked(entry.signerIdentifier(), entry.documentNumber())) {
            more.add(entry);
        }
        return create(sequence + 1, now, more);
    }

    public long sequence() {
        return sequence;
    }

    public Instant issued() {
        return issued;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Signer identifier and certificate reference of the signer, {@code null} when unsigned. */
    public String signerKey() {
        return signerIdentifier == null ? null : signerIdentifier + certificateReference;
    }

    private String signedText() {
        StringBuilder text = new StringBuilder(MAGIC).append('\n')
                .append("signer ").append(signerIdentifier).append(' ').append(certificateReference).append('\n')
                .append("sequence ").append(sequence).append('\n')
                .append("issued ").append(issued).append('\n');
        for (Entry entry : entries) {
            text.append("revoked ").append(entry.signerIdentifier()).append(' ').append(entry.documentNumber())
                    .append(' ').append(entry.revokedOn()).append('\n');
        }
        return text.toString();
    }

    private static String[] field(String line, String name, int parts) {
        String[] split = line.split(" ", -1);
        if (split.length != parts || !split[0].equals(name)) {
            throw new IllegalArgumentException("revocation list line is not a valid '" + name + "' line");
        }
        return split;
    }
}
