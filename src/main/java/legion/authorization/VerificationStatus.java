package legion.authorization;

/** Outcome of verifying a seal, checked in this order after decoding. */
@org.springframework.modulith.NamedInterface("seals")
public enum VerificationStatus {
    /** Well formed, signed by a trusted signer, a visa or a registered document type, not revoked, not expired. */
    VALID,
    /** The bytes are not a seal following ICAO Doc 9303-13 and the visa profile or its registered document type. */
    MALFORMED,
    /** No trusted certificate matches the signer identifier and certificate reference. */
    UNKNOWN_SIGNER,
    /** The signature does not verify with the named certificate. */
    BAD_SIGNATURE,
    /** A genuine seal, but neither a visa nor a document type registered here. */
    WRONG_DOCUMENT_TYPE,
    /** Listed in the revocation list. */
    REVOKED,
    /** The visa or the signer certificate has expired, or the seal was signed outside the certificate's validity. */
    EXPIRED
}
