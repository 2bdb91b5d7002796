package legion.authorization;

import java.util.List;

/**
 * A seal as read from its bytes, before any trust decision.
 *
 * @param header     the header
 * @param features   the message zone, tag and value per feature, in order
 * @param visa       the visa content when the document type is a visa and its message zone follows the profile
 * @param signedData the bytes the signature covers (header and message zone)
 * @param signature  the signature zone value, r||s
 * @param document   the fields by name when the document type is one a program registered
 *                   ({@link SealDocumentTypes}) and its message zone follows it, else null
 */
@org.springframework.modulith.NamedInterface("seals")
public record DecodedSeal(SealHeader header, List<Feature> features, VisaContent visa, byte[] signedData,
                          byte[] signature, java.util.Map<String, String> document) {

    public DecodedSeal(SealHeader header, List<Feature> features, VisaContent visa, byte[] signedData,
                       byte[] signature) {
        this(header, features, visa, signedData, signature, null);
    }

    /** One DER-TLV element of the message zone. */
    public record Feature(int tag, byte[] value) {
    }
}
