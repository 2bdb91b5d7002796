package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import legion.authorization.cli.VerifyCommand;
import picocli.CommandLine;

/**
 * A program's own seal document type (here the tests' weapon-issue receipt): signed by the platform's PKI, verified
 * by the same verifier and {@code verify} subcommand, which name the type and print its fields.
 */
class ProgramSealsTests {

    @TempDir
    Path dir;
    TravelAuthorizations pki;
    Seals seals;
    Map<String, String> fields;

    @BeforeEach
    void setUp() {
        pki = Pki.authorizations(dir, Clock.systemUTC());
        seals = new Seals(pki);
        fields = TestReceipts.sample("R00000042");
    }

    @Test
    void aReceiptRoundTripsWithItsTypeAndFieldsInTheTypesOrder() {
        var issued = seals.issue(TestReceipts.RECEIPT, fields);
        Verification v = seals.verify(issued.seal());
        assertThat(v.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(v.seal().header().documentTypeName()).isEqualTo("TEST_WEAPON_RECEIPT");
        assertThat(v.seal().header().featureDefinitionReference()).isEqualTo(0xF0);
        assertThat(v.seal().visa()).isNull();
        SealReport report = SealReport.of(v);
        assertThat(report.documentType()).isEqualTo("TEST_WEAPON_RECEIPT");
        assertThat(report.fields()).containsAllEntriesOf(fields);
        assertThat(List.copyOf(report.fields().keySet()).subList(3, 10)).containsExactly("documentNumber", "make",
                "serial", "holder", "holderDocument", "point", "issuedOn");
        assertThat(issued.hex()).startsWith("DC03");
        assertThat(issued.barcodePng()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void oneFlippedByteFailsTheReceipt() {
        byte[] seal = seals.issue(TestReceipts.RECEIPT, fields).seal();
        int serialAt = indexOf(seal, "7914".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        seal[serialAt] ^= 0x01;
        assertThat(seals.verify(seal).status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);
    }

    @Test
    void aRevokedOrExpiredReceiptIsNotValid() {
        fields.put("returnBy", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString());
        byte[] seal = seals.issue(TestReceipts.RECEIPT, fields).seal();
        var later = new SealVerifier(pki.signerCertificates(), null,
                Clock.fixed(Instant.now().plus(java.time.Duration.ofDays(11)), ZoneOffset.UTC)).verify(seal);
        assertThat(later.status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(later.detail()).startsWith("document expired on ");
        seals.revoke("R00000042");
        assertThat(seals.verify(seal).status()).isEqualTo(VerificationStatus.REVOKED);
    }

    @Test
    void fieldsThatDoNotFitTheTypeOrAnUnregisteredTypeAreRefused() {
        fields.put("documentNumber", "R-0000042");
        assertThatThrownBy(() -> seals.issue(TestReceipts.RECEIPT, fields)).isInstanceOf(IllegalArgumentException.class);
        fields.put("documentNumber", "R00000042");
        fields.remove("serial");
        assertThatThrownBy(() -> seals.issue(TestReceipts.RECEIPT, fields)).isInstanceOf(IllegalArgumentException.class);
        fields.put("serial", "X");
        fields.put("calibre", "5.45");
        assertThatThrownBy(() -> seals.issue(TestReceipts.RECEIPT, fields)).isInstanceOf(IllegalArgumentException.class);
        fields.remove("calibre");
        var other = new SealDocumentType("NOT_REGISTERED", 0xF1, 0x01,
                List.of(SealField.text(1, "number", "Number")), "number", null);
        assertThatThrownBy(() -> seals.issue(other, Map.of("number", "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealDocumentType("VISA", 0xF1, 0x01, other.fields(), "number", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealDocumentType("MY_VISA", 0x5D, 0x01, other.fields(), "number", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVerifySubcommandNamesTheTypeAndPrintsItsFields() throws Exception {
        byte[] seal = seals.issue(TestReceipts.RECEIPT, fields).seal();
        Path cert = Files.writeString(dir.resolve("signer.pem"), Pem.certificate(pki.publishedCertificates().get(0)));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("--cert", cert.toString(), "--hex", java.util.HexFormat.of().formatHex(seal));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Document type:       TEST_WEAPON_RECEIPT")
                .contains("Make:                АК-74")
                .contains("Serial:              ВД 7914")
                .contains("Holder's document:   FX1234567")
                .contains("Issued on:           2022-02-25")
                .endsWith("VALID" + System.lineSeparator());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
