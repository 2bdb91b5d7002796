package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import legion.authorization.internal.SealCodec;
import legion.authorization.internal.VisaProfile;
import org.junit.jupiter.api.Test;

/** The ICAO Doc 9303-13 visa seal of tsenger/vdstools decodes, re-encodes byte for byte and verifies. */
class ConformanceVectorTests {

    @Test
    void decodesHeaderOfSharedVector() throws Exception {
        SealHeader header = SealVerifier.decode(TestVectors.visaSeal()).header();

        assertThat(header.version()).isEqualTo(SealHeader.VERSION_4);
        assertThat(header.issuingCountry()).isEqualTo("UTO");
        assertThat(header.signerKey()).isEqualTo(TestVectors.vectorField("signerCertReference"));
        assertThat(header.signerIdentifier()).isEqualTo("DETS");
        assertThat(header.certificateReference()).isEqualTo("32");
        assertThat(header.documentIssueDate()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(header.signatureCreationDate()).isEqualTo(LocalDate.of(2023, 8, 19));
        assertThat(String.format("%02x%02x", header.featureDefinitionReference(), header.documentTypeCategory()))
                .isEqualTo(TestVectors.vectorField("documentTypeCategory").substring(0, 4));
        assertThat(header.documentTypeName()).isEqualTo("VISA");
    }

    @Test
    void decodesVisaFieldsToExpectedValues() throws Exception {
        VisaContent visa = SealVerifier.decode(TestVectors.visaSeal()).visa();

        assertThat(visa.type()).isEqualTo(VisaContent.MrzType.MRV_B);
        assertThat(visa.mrz()).isEqualTo(TestVectors.vectorField("MRZ_MRVB"));
        assertThat(visa.passportNumber()).isEqualTo(TestVectors.vectorField("PASSPORT_NUMBER"));
        DurationOfStay d = visa.durationOfStay();
        assertThat(String.format("%02x%02x%02x", d.days(), d.months(), d.years()))
                .isEqualTo(TestVectors.vectorField("DURATION_OF_STAY_hex"));
        assertThat(visa.numberOfEntries()).isNull();
        assertThat(visa.documentNumber()).isEqualTo("1234567XY");
        assertThat(visa.nameField()).isEqualTo("DENT<<ARTHUR<PHILIP");
        assertThat(visa.expiryDate()).isEqualTo(LocalDate.of(2020, 5, 25));
    }

    @Test
    void reEncodesSharedVectorByteForByte() throws Exception {
        byte[] seal = TestVectors.visaSeal();
        DecodedSeal decoded = SealVerifier.decode(seal);

        byte[] signedData = SealCodec.encodeSignedData(decoded.header(), VisaProfile.encode(decoded.visa()));

        assertThat(HexFormat.of().formatHex(SealCodec.appendSignature(signedData, decoded.signature())))
                .isEqualTo(HexFormat.of().formatHex(seal));
    }

    @Test
    void verifiesWithItsCertificateOnTheSigningDate() {
        Clock signingDay = Clock.fixed(LocalDate.of(2020, 1, 20).atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC);
        SealVerifier verifier = new SealVerifier(List.of(TestVectors.signerCertificate()), null, signingDay);

        // the vector's signature date (2023) lies inside the certificate's validity, its visa expired in 2020-05
        Verification result = verifier.verify(TestVectors.visaSeal());

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void reportsSharedVectorExpiredToday() {
        Verification result = new SealVerifier(List.of(TestVectors.signerCertificate())).verify(TestVectors.visaSeal());

        assertThat(result.status()).isEqualTo(VerificationStatus.EXPIRED);
    }

    @Test
    void rejectsSharedVectorWithOneSignatureBitFlipped() {
        byte[] seal = TestVectors.visaSeal();
        seal[seal.length - 1] ^= 1;
        Clock signingDay = Clock.fixed(LocalDate.of(2020, 1, 20).atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC);

        Verification result = new SealVerifier(List.of(TestVectors.signerCertificate()), null, signingDay).verify(seal);

        assertThat(result.status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);
    }
}
