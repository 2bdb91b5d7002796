package legion.arms.register;

/**
 * The parameters of the arms policy (stored as JSON by the rules engine, one version per publication).
 *
 * @param minimumAge the holder's minimum age on the day of the issue
 * @param maximumWeapons how many weapons one holder may hold at once
 */
public record ArmsPolicy(int minimumAge, int maximumWeapons) {

    public ArmsPolicy {
        if (minimumAge < 18 || minimumAge > 100) {
            throw new IllegalArgumentException("minimumAge must be 18 to 100 (the law's minimum is 18)");
        }
        if (maximumWeapons < 1 || maximumWeapons > 20) {
            throw new IllegalArgumentException("maximumWeapons must be 1 to 20");
        }
    }
}
