package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import legion.authorization.internal.DataMatrix;
import legion.authorization.internal.SealCodec;
import legion.authorization.internal.SigningKeys;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TravelAuthorizationsTests {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @TempDir
    static Path directory;
    static TravelAuthorizations authorizations;

    @BeforeAll
    static void pki() {
        authorizations = Pki.authorizations(directory, CLOCK);
    }

    static SealRequest request(String surname, String givenNames, String nationality) {
        return SealRequest.singleEntry(surname, givenNames, LocalDate.of(1990, 4, 2), 'M', nationality, "AB1234567",
                TODAY, TODAY.plusDays(60), 30);
    }

    @ParameterizedTest
    @CsvSource({
            "Dent, Arthur Philip, GB, DENT<<ARTHUR<PHILIP",
            "Müller, Jürgen, DE, MUELLER<<JUERGEN",
            "Øvergård, Åse, NO, OEVERGAARD<<AASE",
            "Шевченко, Тарас Григорович, UA, SHEVCHENKO<<TARAS<HRYHOROVYCH",
            "Щербакова, Юлия, RU, SHCHERBAKOVA<<IULIIA",
            "Παπαδόπουλος, Γεώργιος, GR, PAPADOPOULOS<<GEORGIOS",
            "O'Brien-Smith, Seán, IE, OBRIEN<SMITH<<SEAN",
            "Nguyễn, Thị Minh Khai, VN, NGUYEN<<THI<MINH<KHAI"
    })
    void issuesSealsThatVerifyAndCarryTheTransliteratedName(String surname, String givenNames, String country,
                                                            String expectedName) {
        IssuedAuthorization issued = authorizations.issue(request(surname, givenNames, country));

        Verification result = authorizations.verify(issued.seal());

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
        VisaContent visa = result.seal().visa();
        assertThat(visa.nameField()).isEqualTo(expectedName);
        assertThat(visa.documentNumber()).isEqualTo(issued.authorizationNumber());
        assertThat(visa.passportNumber()).isEqualTo("AB1234567");
        assertThat(visa.numberOfEntries()).isEqualTo(1);
        assertThat(visa.durationOfStay()).isEqualTo(DurationOfStay.ofDays(30));
        assertThat(visa.expiryDate()).isEqualTo(TODAY.plusDays(60));
        assertThat(result.seal().header().issuingCountry()).isEqualTo("UKR");
    }

    @ParameterizedTest
    @CsvSource({"محمد, علي, SA", "כהן, דוד, IL", "王, 秀英, CN", "김, 민준, KR", "山田, たろう, JP", "สมชาย, ใจดี, TH"})
    void issuesVerifiableSealsForNamesInOtherScripts(String surname, String givenNames, String country) {
        IssuedAuthorization issued = authorizations.issue(request(surname, givenNames, country));

        Verification result = authorizations.verify(issued.seal());

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.seal().visa().nameField()).matches("[A-Z]+(<[A-Z]+)*<<[A-Z]+(<[A-Z]+)*");
    }

    @Test
    void writesAConformingVersion4HeaderAndMessageZone() throws Exception {
        IssuedAuthorization issued = authorizations.issue(request("Dent", "Arthur", "GB"));
        byte[] seal = issued.seal();
        DecodedSeal decoded = SealVerifier.decode(seal);

        assertThat(seal[0] & 0xFF).isEqualTo(0xDC);
        assertThat(seal[1]).isEqualTo((byte) 0x03);
        assertThat(decoded.header().documentIssueDate()).isEqualTo(TODAY);
        assertThat(decoded.header().signatureCreationDate()).isEqualTo(TODAY);
        assertThat(decoded.header().isVisa()).isTrue();
        assertThat(decoded.features()).extracting(DecodedSeal.Feature::tag).containsExactly(2, 3, 4, 5);
        assertThat(decoded.features().get(0).value()).hasSize(44);
        assertThat(decoded.features().get(3).value()).hasSize(6);
        assertThat(decoded.signature()).hasSize(64);
        assertThat(seal[seal.length - 66] & 0xFF).isEqualTo(0xFF);
        assertThat(seal[seal.length - 65]).isEqualTo((byte) 64);
        assertThat(decoded.visa().secondLine()).hasSize(28);
    }

    @Test
    void tamperingWithAnySingleByteFailsVerification() {
        byte[] seal = authorizations.issue(request("Dent", "Arthur", "GB")).seal();
        assertThat(authorizations.verify(seal).isValid()).isTrue();

        for (int i = 0; i < seal.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] tampered = seal.clone();
                tampered[i] ^= (byte) flip;
                Verification result = authorizations.verify(tampered);
                assertThat(result.status()).as("byte %d xor %02x", i, flip).isNotEqualTo(VerificationStatus.VALID);
            }
        }
    }

    @Test
    void reportsSealOfAnotherPkiAsUnknownSigner(@TempDir Path other) {
        byte[] foreign = Pki.authorizations(other, CLOCK).issue(request("Dent", "Arthur", "GB")).seal();

        assertThat(authorizations.verify(foreign).status()).isEqualTo(VerificationStatus.UNKNOWN_SIGNER);
    }

    @Test
    void reportsRevokedSealAsRevokedAndOthersStillValid(@TempDir Path own) {
        TravelAuthorizations pki = Pki.authorizations(own, CLOCK);
        IssuedAuthorization revoked = pki.issue(request("Dent", "Arthur", "GB"));
        IssuedAuthorization kept = pki.issue(request("Prefect", "Ford", "GB"));

        RevocationList list = pki.revoke(revoked.authorizationNumber());

        assertThat(pki.verify(revoked.seal()).status()).isEqualTo(VerificationStatus.REVOKED);
        assertThat(pki.verify(kept.seal()).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(list.sequence()).isEqualTo(1);
        assertThat(list.verify(pki.publishedCertificates())).isTrue();
        // a verifier built only from published data reaches the same verdict
        RevocationList published = RevocationList.parse(list.serialize());
        SealVerifier offline = new SealVerifier(pki.publishedCertificates(), published, CLOCK);
        assertThat(offline.verify(revoked.seal()).status()).isEqualTo(VerificationStatus.REVOKED);
        // and the list survives a restart
        TravelAuthorizations restarted = Pki.authorizations(own, CLOCK);
        assertThat(restarted.verify(revoked.seal()).status()).isEqualTo(VerificationStatus.REVOKED);
        assertThat(restarted.currentRevocationList().sequence()).isEqualTo(1);
    }

    @Test
    void reportsSealPastItsExpiryAsExpired() {
        IssuedAuthorization issued = authorizations.issue(request("Dent", "Arthur", "GB"));
        Clock later = Clock.fixed(NOW.plus(61, ChronoUnit.DAYS), ZoneOffset.UTC);

        Verification result = new SealVerifier(authorizations.publishedCertificates(), null, later)
                .verify(issued.seal());

        assertThat(result.status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(result.detail()).contains("visa expired");
    }

    @Test
    void reportsSealAfterItsSignerCertificateExpiredAsExpired() {
        IssuedAuthorization issued = authorizations.issue(request("Dent", "Arthur", "GB"));
        Clock later = Clock.fixed(NOW.plus(800, ChronoUnit.DAYS), ZoneOffset.UTC);
        SealVerifier verifier = new SealVerifier(authorizations.publishedCertificates(), null, later);

        Verification result = verifier.verify(issued.seal());

        assertThat(result.status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(result.detail()).contains("signer certificate", "expired");
    }

    @Test
    void reportsGenuineSealOfAnotherDocumentTypeAsWrongDocumentType(@TempDir Path own) {
        SigningKeys keys = Pki.keys(own, "secp256r1", CLOCK);
        SealSigner signer = keys.current();
        SealHeader header = new SealHeader(SealHeader.VERSION_4, "UKR", signer.signerIdentifier(),
                signer.certificateReference(), TODAY, TODAY, 0xFB, 0x06);
        byte[] data = SealCodec.encodeSignedData(header, List.of(new DecodedSeal.Feature(1, new byte[] {1, 2})));
        byte[] seal = SealCodec.appendSignature(data, signer.sign(data));

        Verification result = new SealVerifier(keys.signerCertificates(), null, CLOCK).verify(seal);

        assertThat(result.status()).isEqualTo(VerificationStatus.WRONG_DOCUMENT_TYPE);
    }

    @Test
    void keepsOldSealsVerifyingAfterSignerRotation(@TempDir Path own) {
        TravelAuthorizations pki = Pki.authorizations(own, CLOCK);
        IssuedAuthorization before = pki.issue(request("Dent", "Arthur", "GB"));

        pki.rotateSigner();
        IssuedAuthorization after = pki.issue(request("Dent", "Arthur", "GB"));

        assertThat(after.signer()).isNotEqualTo(before.signer());
        assertThat(after.signer()).startsWith("UALG");
        assertThat(pki.verify(before.seal()).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(pki.verify(after.seal()).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(pki.publishedCertificates()).hasSize(2);
        // a restart reads both signers back from the keystore
        assertThat(Pki.authorizations(own, CLOCK).verify(before.seal()).status())
                .isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void deliversBarcodeThatReadsBackToTheSealAndLetterWithHolderData() throws Exception {
        IssuedAuthorization issued = authorizations.issue(request("Müller", "Jürgen", "DE"));

        assertThat(DataMatrix.read(issued.barcodePng())).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(issued.seal()));
        try (PDDocument pdf = Loader.loadPDF(issued.pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains(issued.authorizationNumber(), "MUELLER", "JUERGEN", "AB1234567",
                    "Instructions");
        }
    }

    /** The letter speaks English and, beside it, the volunteer's language, each text from the bundles. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "uk | Номер дозволу | Інструкції | 30 днів",
            "pl | Numer zezwolenia | Instrukcje | 30 dni",
            "de | Nummer der Genehmigung | Hinweise | 30 Tage",
            "fr | Numéro d’autorisation | Consignes | 30 jours",
            "es | Número de autorización | Instrucciones | 30 días"
    })
    void letterIsInEnglishAndBesideItInTheVolunteersLanguage(String language, String number, String instructions,
                                                              String days) throws Exception {
        IssuedAuthorization issued = authorizations.issue(request("Müller", "Jürgen", "DE"),
                java.util.Locale.forLanguageTag(language));
        try (PDDocument pdf = Loader.loadPDF(issued.pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Authorization number", number, "Instructions", instructions, "30 days", days,
                    "5. Do not share this letter", issued.authorizationNumber());
        }
        // English alone: no second language under the English texts
        try (PDDocument pdf = Loader.loadPDF(authorizations.issue(request("Müller", "Jürgen", "DE")).pdf())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Authorization number", "30 days")
                    .doesNotContain(number, days);
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource(delimiter = '|', value = {
            "Шевченко | Олександр | UA | Олександр Шевченко",   // Cyrillic: shown as written
            "Müller | Jürgen | DE | Jürgen Müller",              // Latin with diacritics: the MRZ writes MUELLER
            "Παπαδόπουλος | Νίκος | GR | Νίκος Παπαδόπουλος"
    })
    void letterShowsTheNameAsTheVolunteerWroteIt(String surname, String given, String nationality, String expected)
            throws Exception {
        IssuedAuthorization issued = authorizations.issue(request(surname, given, nationality));
        try (PDDocument pdf = Loader.loadPDF(issued.pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Name as written", expected);
        }
    }

    @Test
    void letterShowsArabicShapedAndLeavesOutScriptsTheFontCannotShow() throws Exception {
        String arabic = new PDFTextStripper().getText(Loader.loadPDF(
                authorizations.issue(request("حسن", "أحمد", "JO")).pdf()));
        assertThat(arabic).contains("Name as written", "AHMD"); // the MRZ form stays; the shaped form is drawn too
        for (String[] name : new String[][] {{"山田", "太郎", "JP"}, {"Dent", "Arthur", "GB"}}) {
            IssuedAuthorization issued = authorizations.issue(request(name[0], name[1], name[2]));
            try (PDDocument pdf = Loader.loadPDF(issued.pdf())) {
                assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("Name as written")
                        .contains(issued.authorizationNumber());
            }
        }
    }

    @Test
    void generatesKeystorePasswordReadableByOwnerOnlyWhenNoneConfigured(@TempDir Path own) throws Exception {
        SigningKeys.Settings settings = new SigningKeys.Settings(own.resolve("k/signing.p12"), "", "secp256r1",
                "UALG", java.time.Duration.ofDays(3650), java.time.Duration.ofDays(730));
        SigningKeys first = SigningKeys.open(settings, CLOCK);

        Path password = own.resolve("k/signing.p12.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        SigningKeys reopened = SigningKeys.open(settings, CLOCK);
        assertThat(reopened.current().certificate()).isEqualTo(first.current().certificate());
        assertThat(reopened.current().certificate().getIssuerX500Principal())
                .isEqualTo(reopened.rootCertificate().getSubjectX500Principal());
        reopened.current().certificate().verify(reopened.rootCertificate().getPublicKey());
    }

    @Test
    void signsWithTheConfiguredCurve(@TempDir Path own) {
        SigningKeys keys = Pki.keys(own, "brainpoolP256r1", CLOCK);
        TravelAuthorizations pki = new TravelAuthorizations(keys, own.resolve("r.txt"), "UKR", CLOCK);

        IssuedAuthorization issued = pki.issue(request("Dent", "Arthur", "GB"));

        assertThat(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                keys.current().certificate().getPublicKey().getEncoded()).getAlgorithm().getParameters())
                .isEqualTo(org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers.brainpoolP256r1);
        assertThat(pki.verify(issued.seal()).status()).isEqualTo(VerificationStatus.VALID);
    }
}
