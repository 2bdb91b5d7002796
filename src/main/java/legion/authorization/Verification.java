package legion.authorization;

/**
 * The result of verifying a seal.
 *
 * @param status the outcome
 * @param detail why, in words that never contain personal data
 * @param seal   what was decoded; {@code null} only when the seal is {@link VerificationStatus#MALFORMED}
 *               beyond its header
 */
@org.springframework.modulith.NamedInterface("seals")
public record Verification(VerificationStatus status, String detail, DecodedSeal seal) {

    public boolean isValid() {
        return status == VerificationStatus.VALID;
    }
}
