package legion.authorization;

import java.time.LocalDate;

/**
 * The header of a Visible Digital Seal (ICAO Doc 9303-13, section 2.2).
 *
 * @param version                    the version byte as written (0x02 = version 3, 0x03 = version 4)
 * @param issuingCountry             three-letter code, MRZ style ({@code D<<} for Germany)
 * @param signerIdentifier           two-letter country code plus two alphanumerics naming the signer
 * @param certificateReference       hex string naming the signer certificate (its serial number)
 * @param documentIssueDate          date the document was issued
 * @param signatureCreationDate      date the seal was signed
 * @param featureDefinitionReference document feature definition reference (0x5D for visas)
 * @param documentTypeCategory       document type category (0x01 for visas)
 */
@org.springframework.modulith.NamedInterface("seals")
public record SealHeader(int version, String issuingCountry, String signerIdentifier, String certificateReference,
                         LocalDate documentIssueDate, LocalDate signatureCreationDate,
                         int featureDefinitionReference, int documentTypeCategory) {

    /** Version byte of the 4th header version, the one this system writes. */
    public static final int VERSION_4 = 0x03;
    /** Version byte of the 3rd header version (fixed-length certificate reference), read only. */
    public static final int VERSION_3 = 0x02;

    /** Signer identifier and certificate reference together, e.g. {@code DETS32}. */
    public String signerKey() {
        return signerIdentifier + certificateReference;
    }

    public boolean isVisa() {
        return featureDefinitionReference == 0x5D && documentTypeCategory == 0x01;
    }

    /** The document type a program registered that this header names, if any ({@link SealDocumentTypes}). */
    public java.util.Optional<SealDocumentType> registeredType() {
        return isVisa() ? java.util.Optional.empty()
                : SealDocumentTypes.find(featureDefinitionReference, documentTypeCategory);
    }

    /** The document type as a reader names it: {@code VISA}, a registered type's name, or unknown. */
    public String documentTypeName() {
        return isVisa() ? "VISA" : registeredType().map(SealDocumentType::name).orElseGet(() -> String.format("UNKNOWN (feature reference 0x%02X, category 0x%02X)",
                featureDefinitionReference, documentTypeCategory));
    }
}
