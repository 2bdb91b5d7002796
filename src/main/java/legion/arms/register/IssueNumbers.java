package legion.arms.register;

import java.security.SecureRandom;

/** Issue numbers {@code ARM-XXXX-XXXX}: eight characters of Crockford's base 32 (no I, L, O, U), random. */
final class IssueNumbers {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IssueNumbers() {
    }

    static String next() {
        StringBuilder sb = new StringBuilder("ARM-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
