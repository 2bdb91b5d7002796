package legion.parole.policy;

import java.util.Map;

/**
 * Policy v1 of PRODUCT.md, as reported: Criminal Code of Ukraine art. 81-1 (conditional early release for military
 * service) added by Law 3687-IX of 8 May 2024. The sources name where each rule comes from; the text is "as
 * reported" and later versions correct it.
 */
public final class PolicyV1 {

    /** The excluded offences of v1, in the first notation. */
    public static final String EXCLUDED_OFFENCES = String.join(";",
            // against the foundations of national security
            "109", "110", "110-2", "111", "111-1", "111-2", "112", "113", "114", "114-1", "114-2",
            // sexual offences
            "152", "153", "154", "155", "156", "156-1",
            // terrorism
            "258", "258-1", "258-2", "258-3", "258-4", "258-5", "258-6",
            // encroachment on the life of a law-enforcement officer or serviceman
            "348",
            // premeditated murder of two or more people, with special cruelty, with sexual violence
            "115:2.1", "115:2.4", "115:2.10",
            // a traffic offence by a driver under the influence causing the death of two or more people
            "286-1:4");

    static final String LAW = "Criminal Code of Ukraine art. 81-1 (Law 3687-IX of 08.05.2024)";

    /** The legal source of each rule, by rule name. */
    static final Map<String, String> SOURCES = Map.of(
            ExcludedOffence.NAME, LAW + ": offences excluded from release for service",
            LifeSentence.NAME, LAW + ": no release for service from a life sentence",
            ResponsiblePost.NAME, LAW + ": convicts who held an especially responsible post excluded",
            NoSentenceLeft.NAME, LAW + ": release applies to a sentence still being served",
            RemainingTerm.NAME, LAW + ": at most 3 years of the sentence left to serve");

    private PolicyV1() {
    }

    /** The parameters of v1, the first version the rules engine publishes for the parole program. */
    public static ParoleParameters parameters() {
        return new ParoleParameters(EXCLUDED_OFFENCES, 3, Map.of());
    }

    public static ParolePolicy policy() {
        return ParolePolicy.of(1, parameters());
    }
}
