package legion.authorization.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import legion.authorization.DecodedSeal;
import legion.authorization.IssuedAuthorization;
import legion.authorization.MalformedSealException;
import legion.authorization.Pem;
import legion.authorization.SealRequest;
import legion.authorization.TravelAuthorizations;
import legion.authorization.internal.SealCodec;
import legion.authorization.internal.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTests {

    @TempDir
    static Path dir;
    static TravelAuthorizations authorizations;
    static IssuedAuthorization issued;
    static Path cert;
    static Path png;
    static Path vectorCert;
    static String vectorHex;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        Clock clock = Clock.systemUTC();
        SigningKeys keys = SigningKeys.open(new SigningKeys.Settings(dir.resolve("pki/signing.p12"), "secret",
                "secp256r1", "UALG", Duration.ofDays(3650), Duration.ofDays(730)), clock);
        authorizations = new TravelAuthorizations(keys, dir.resolve("pki/revocations.txt"), "UKR", clock);
        LocalDate today = LocalDate.now(clock);
        issued = authorizations.issue(SealRequest.singleEntry("Шевченко", "Тарас", LocalDate.of(1990, 3, 9), 'M',
                "UA", "FX1234567", today, today.plusDays(90), 30));
        cert = Files.writeString(dir.resolve("signer.pem"), Pem.certificate(authorizations.publishedCertificates().get(0)));
        png = Files.write(dir.resolve("seal.png"), issued.barcodePng());
        try (InputStream in = VerifyCommandTests.class.getResourceAsStream("/vds/signer-DETS32.pem")) {
            vectorCert = Files.write(dir.resolve("DETS32.pem"), in.readAllBytes());
        }
        try (InputStream in = VerifyCommandTests.class.getResourceAsStream("/vds/vectors.json")) {
            Matcher m = Pattern.compile("\"hex\"\\s*:\\s*\"([0-9A-Fa-f]+)\"")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            vectorHex = m.group(1);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void verifiesOurSealFromHexAndExitsZero() {
        Run run = run("--cert", cert.toString(), "--hex", HexFormat.of().formatHex(issued.seal()));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Document type:       VISA", "Signer:              UALG",
                "Name:                SHEVCHENKO<<TARAS", "Passport number:     FX1234567",
                "Visa number:         " + issued.authorizationNumber(), "Number of entries:   1")
                .endsWith("VALID" + System.lineSeparator());
    }

    @Test
    void verifiesOurSealFromGeneratedPng() {
        Run run = run("--cert", cert.toString(), "--image", png.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Passport number:     FX1234567").endsWith("VALID" + System.lineSeparator());
    }

    @Test
    void decodesSharedVectorAndReportsItExpiredWithAGoodSignature() {
        Run run = run("--cert", vectorCert.toString(), "--hex", vectorHex);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("Document type:       VISA", "Issuing country:     UTO",
                "Signer:              DETS (certificate reference 32)",
                "MRZ:                 VCD<<DENT<<ARTHUR<PHILIP<<<<<<<<<<<<",
                "                     1234567XY7GBR5203116M2005250", "Passport number:     47110815P",
                "Duration of stay:    160 days, 0 months, 0 years", "INVALID: EXPIRED");
    }

    @Test
    void reportsSealWithAFlippedSignatureByteAsBadSignature() throws MalformedSealException {
        DecodedSeal decoded = SealCodec.decode(issued.seal());
        int signatureStart = issued.seal().length - decoded.signature().length;
        for (int i : new int[] {signatureStart, signatureStart + decoded.signature().length / 2, issued.seal().length - 1}) {
            byte[] seal = issued.seal().clone();
            seal[i] ^= 1;

            Run run = run("--cert", cert.toString(), "--hex", HexFormat.of().formatHex(seal));

            assertThat(run.exit()).as("signature byte %d flipped", i).isEqualTo(1);
            assertThat(run.out()).as("signature byte %d flipped", i).contains("INVALID: BAD_SIGNATURE");
        }
    }

    @Test
    void reportsSealWithAFlippedMessageByteAsBadSignature() throws MalformedSealException {
        byte[] seal = issued.seal().clone();
        // the days of the duration of stay (tag 0x04): any value is a well-formed duration, so only the signature can tell
        seal[valueOffset(SealCodec.decode(seal), 0x04)] ^= 1;

        Run run = run("--cert", cert.toString(), "--hex", HexFormat.of().formatHex(seal));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID: BAD_SIGNATURE");
    }

    @Test
    void reportsSealWithAFlippedHeaderDateByteAsMalformedOrBadSignatureNeverValid() throws MalformedSealException {
        DecodedSeal decoded = SealCodec.decode(issued.seal());
        int headerEnd = messageZoneStart(decoded);
        // the header ends with the issue date (3 bytes), the signature date (3 bytes), feature reference and category
        for (int i = headerEnd - 8; i < headerEnd - 2; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] seal = issued.seal().clone();
                seal[i] ^= (byte) (1 << bit);

                Run run = run("--cert", cert.toString(), "--hex", HexFormat.of().formatHex(seal));

                assertThat(run.exit()).as("header byte %d bit %d flipped", i, bit).isEqualTo(1);
                assertThat(run.out()).as("header byte %d bit %d flipped", i, bit)
                        .containsAnyOf("INVALID: MALFORMED", "INVALID: BAD_SIGNATURE");
            }
        }
    }

    @Test
    void neverReportsASealWithAnyFlippedByteAsValid() {
        for (int i = 0; i < issued.seal().length; i++) {
            byte[] seal = issued.seal().clone();
            seal[i] ^= 1;

            Run run = run("--cert", cert.toString(), "--hex", HexFormat.of().formatHex(seal));

            assertThat(run.exit()).as("byte %d flipped", i).isEqualTo(1);
            assertThat(run.out()).as("byte %d flipped", i).contains("INVALID: ");
        }
    }

    /** Where the message zone starts: the signed data less the features' DER-TLV encodings. */
    private static int messageZoneStart(DecodedSeal decoded) {
        int zone = 0;
        for (DecodedSeal.Feature f : decoded.features()) {
            zone += tlvLength(f.value().length);
        }
        return decoded.signedData().length - zone;
    }

    /** Where the value of the feature with this tag starts in the seal. */
    private static int valueOffset(DecodedSeal decoded, int tag) {
        int at = messageZoneStart(decoded);
        for (DecodedSeal.Feature f : decoded.features()) {
            if (f.tag() == tag) {
                return at + tlvLength(f.value().length) - f.value().length;
            }
            at += tlvLength(f.value().length);
        }
        throw new AssertionError("no feature with tag " + tag);
    }

    private static int tlvLength(int valueLength) {
        int lengthBytes = valueLength < 0x80 ? 1 : valueLength < 0x100 ? 2 : 3;
        return 1 + lengthBytes + valueLength;
    }

    @Test
    void reportsSealOfAnotherSignerAsUnknownSigner() {
        Run run = run("--cert", vectorCert.toString(), "--hex", HexFormat.of().formatHex(issued.seal()));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID: UNKNOWN_SIGNER");
    }

    @Test
    void reportsRevokedSealWhenGivenTheRevocationList(@TempDir Path own) throws IOException {
        Clock clock = Clock.systemUTC();
        TravelAuthorizations pki = new TravelAuthorizations(SigningKeys.open(new SigningKeys.Settings(
                own.resolve("signing.p12"), "x", "secp256r1", "UALG", Duration.ofDays(3650), Duration.ofDays(730)),
                clock), own.resolve("rl.txt"), "UKR", clock);
        LocalDate today = LocalDate.now(clock);
        IssuedAuthorization seal = pki.issue(SealRequest.singleEntry("Dent", "Arthur", LocalDate.of(1952, 3, 11), 'M',
                "GB", "1234567XY", today, today.plusDays(30), 30));
        Path crl = Files.writeString(own.resolve("crl.txt"), pki.revoke(seal.authorizationNumber()).serialize());
        Path pem = Files.writeString(own.resolve("s.pem"), Pem.certificate(pki.publishedCertificates().get(0)));

        Run run = run("--cert", pem.toString(), "--hex", HexFormat.of().formatHex(seal.seal()), "--crl", crl.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID: REVOKED");
    }

    @Test
    void reportsMalformedHexSeal() {
        Run run = run("--cert", cert.toString(), "--hex", "DC03");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID: MALFORMED");
    }

    @Test
    void rejectsMissingCertificateFile() {
        Run run = run("--cert", dir.resolve("nope.pem").toString(), "--hex", vectorHex);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope.pem does not exist");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsBadPem() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Path text = Files.writeString(dir.resolve("text.pem"), "hello");

        Run badRun = run("--cert", bad.toString(), "--hex", vectorHex);
        Run textRun = run("--cert", text.toString(), "--hex", vectorHex);

        assertThat(badRun.exit()).isEqualTo(2);
        assertThat(badRun.err()).contains("bad.pem", "not a valid PEM certificate");
        assertThat(textRun.exit()).isEqualTo(2);
        assertThat(textRun.err()).contains("text.pem", "no PEM certificate found");
    }

    @Test
    void notesCertificatesThatCannotSignSealsAndReportsUnknownSigner() throws IOException {
        Path root = Files.writeString(dir.resolve("root.pem"), Pem.certificate(authorizations.rootCertificate()));

        Run run = run("--cert", root.toString(), "--hex", HexFormat.of().formatHex(issued.seal()));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("root.pem is not a seal signer certificate");
        assertThat(run.out()).contains("INVALID: UNKNOWN_SIGNER");
    }

    @Test
    void rejectsBadHex() {
        for (String hex : new String[] {"XYZ", "ABC", ""}) {
            Run run = run("--cert", cert.toString(), "--hex", hex);
            assertThat(run.exit()).as(hex).isEqualTo(2);
            assertThat(run.err()).as(hex).contains("--hex must be an even number of hexadecimal digits");
        }
    }

    @Test
    void rejectsImageWithoutBarcodeAndFilesThatAreNoImage() throws IOException {
        java.awt.image.BufferedImage blank = new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path empty = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(blank, "png", empty.toFile());
        Path notImage = Files.writeString(dir.resolve("not.png"), "not an image");

        Run blankRun = run("--cert", cert.toString(), "--image", empty.toString());
        Run notImageRun = run("--cert", cert.toString(), "--image", notImage.toString());
        Run missingRun = run("--cert", cert.toString(), "--image", dir.resolve("missing.png").toString());

        assertThat(blankRun.exit()).isEqualTo(2);
        assertThat(blankRun.err()).contains("no DataMatrix barcode found");
        assertThat(notImageRun.exit()).isEqualTo(2);
        assertThat(notImageRun.err()).contains("is not a readable image");
        assertThat(missingRun.exit()).isEqualTo(2);
        assertThat(missingRun.err()).contains("missing.png does not exist");
    }

    @Test
    void rejectsBothOrNeitherOfHexAndImage() {
        Run both = run("--cert", cert.toString(), "--hex", vectorHex, "--image", png.toString());
        Run neither = run("--cert", cert.toString());
        Run noCert = run("--hex", vectorHex);

        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("Missing required argument", "--hex", "--image");
        assertThat(noCert.exit()).isEqualTo(2);
        assertThat(noCert.err()).contains("Missing required option: '--cert=FILE.pem'");
    }

    @Test
    void rejectsRevocationListNotSignedByAGivenCertificate() throws IOException {
        Path crl = Files.writeString(dir.resolve("crl.txt"), authorizations.currentRevocationList().serialize());
        Path garbage = Files.writeString(dir.resolve("garbage.txt"), "LEGION-REVOCATION-LIST 1\nnonsense\n");

        Run foreign = run("--cert", vectorCert.toString(), "--hex", vectorHex, "--crl", crl.toString());
        Run broken = run("--cert", cert.toString(), "--hex", vectorHex, "--crl", garbage.toString());

        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("is not signed by any given certificate");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("revocation list", "garbage.txt");
    }
}
