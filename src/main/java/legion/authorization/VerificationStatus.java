package legion.authorization;

/** Outcome of verifying a seal, checked in this order after decoding. */
public enum VerificationStatus {
    /** Well formed, signed by a trusted signer, a visa, not revoked, not expired. */
    VALID,
    /** The bytes are not a seal following ICAO Doc 9303-13 and the visa profile. */
    MALFORMED,
    /** No trusted certificate matches the signer identifier and certificate reference. */
    UNKNOWN_SIGNER,
    /** The signature does not verify with the named certificate. */
    BAD_SIGNATURE,
    /** A genuine seal, but not a visa. */
    WRONG_DOCUMENT_TYPE,
    /** Listed in the revocation list. */
    REVOKED,
    /** The visa or the signer certificate has expired, or the seal was signed outside the certificate's validity. */
    EXPIRED
}
