package legion.authorization;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import legion.authorization.internal.VisaProfile;

/**
 * A program's own Visible Digital Seal document type (ICAO Doc 9303-13 leaves non-visa profiles to the issuer): the
 * header's feature definition reference and document type category that name it, and its fields. Seals of the type
 * are signed by the platform's PKI ({@link Seals#issue}) and verified by the same verifier, {@code verify}
 * subcommand, {@code POST /api/v1/authorizations/verify} and border page as the Legion's visas, which show its name
 * and fields. A program registers its types with a {@link SealDocumentTypes.Provider} (Java {@code ServiceLoader}), so
 * that the command line, which runs without Spring, knows them too.
 *
 * @param name                       upper case, e.g. {@code ARMS_ISSUE_RECEIPT}; printed as the document type
 * @param featureDefinitionReference 0-255; with the category, unique among registered types and never the visa's
 * @param numberField                the field holding the document's number, 1 to 9 of A-Z 0-9 as a visa number
 *                                   (revocation lists name it)
 * @param expiryField                the DATE field after which the document is expired, or null when it never is
 */
@org.springframework.modulith.NamedInterface("seals")
public record SealDocumentType(String name, int featureDefinitionReference, int category, List<SealField> fields,
                               String numberField, String expiryField) {

    public SealDocumentType {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Z][A-Z0-9_]{0,39}") || name.equals("VISA")) {
            throw new IllegalArgumentException("a document type name is upper case and not VISA");
        }
        if (featureDefinitionReference < 0 || featureDefinitionReference > 0xFF || category < 0 || category > 0xFF) {
            throw new IllegalArgumentException("feature definition reference and category are one byte each");
        }
        if (featureDefinitionReference == VisaProfile.FEATURE_REFERENCE && category == VisaProfile.CATEGORY) {
            throw new IllegalArgumentException("0x5D/0x01 is the ICAO visa");
        }
        fields = List.copyOf(fields);
        Set<Integer> tags = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (SealField f : fields) {
            if (!tags.add(f.tag()) || !names.add(f.name())) {
                throw new IllegalArgumentException("tags and names of fields are unique: " + f.name());
            }
        }
        if (field(fields, numberField).filter(f -> f.required() && f.kind() == SealField.Kind.TEXT).isEmpty()) {
            throw new IllegalArgumentException("the number field is a required text field");
        }
        if (expiryField != null && field(fields, expiryField).filter(f -> f.kind() == SealField.Kind.DATE).isEmpty()) {
            throw new IllegalArgumentException("the expiry field is a date field");
        }
    }

    public Optional<SealField> field(String fieldName) {
        return field(fields, fieldName);
    }

    public Optional<SealField> field(int tag) {
        return fields.stream().filter(f -> f.tag() == tag).findFirst();
    }

    private static Optional<SealField> field(List<SealField> fields, String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
