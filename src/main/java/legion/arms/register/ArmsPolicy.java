package legion.arms.register;

/**
 * The parameters of the arms policy (stored as JSON by the rules engine, one version per publication).
 *
 * @param minimumAge      the holder's minimum age on the day of the issue
 * @param maximumWeapons  how many weapons one holder may hold at once
 * @param convictsRefused a convict in custody or in an open parole case is refused (Law 2114-IX's criminal-record
 *                        bar, asked of the parole program, ADR 0150); {@code null} in versions published before the
 *                        rule existed (version 1), which the release then ships again with it
 */
public record ArmsPolicy(int minimumAge, int maximumWeapons, Boolean convictsRefused) {

    public ArmsPolicy {
        if (minimumAge < 18 || minimumAge > 100) {
            throw new IllegalArgumentException("minimumAge must be 18 to 100 (the law's minimum is 18)");
        }
        if (maximumWeapons < 1 || maximumWeapons > 20) {
            throw new IllegalArgumentException("maximumWeapons must be 1 to 20");
        }
    }

    /** Parameters of a version before the criminal-record bar. */
    public ArmsPolicy(int minimumAge, int maximumWeapons) {
        this(minimumAge, maximumWeapons, null);
    }

    /** Whether this version refuses convicts (asks the parole program at each issue). */
    public boolean refusesConvicts() {
        return Boolean.TRUE.equals(convictsRefused);
    }
}
