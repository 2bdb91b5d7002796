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
 */
public record DecodedSeal(SealHeader header, List<Feature> features, VisaContent visa, byte[] signedData,
                          byte[] signature) {

    /** One DER-TLV element of the message zone. */
    public record Feature(int tag, byte[] value) {
    }
}
