package legion.parole.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyV1Test {

    private static final LocalDate TODAY = LocalDate.of(2024, 7, 1);
    private final ParolePolicy v1 = PolicyV1.policy();

    private static Convict convict(String offences, LocalDate end) {
        return new Convict(OffenceNotation.readList(offences).offences(), end, false, false);
    }

    private Verdict judge(String offences, LocalDate end) {
        return v1.judge(convict(offences, end), TODAY);
    }

    @Test
    void listsItsRulesInVerdictOrderEachWithALegalSource() {
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.rules()).extracting(ConvictRule::name).containsExactly(
                "EXCLUDED_OFFENCE", "LIFE_SENTENCE", "RESPONSIBLE_POST", "NO_SENTENCE_LEFT", "REMAINING_TERM");
        assertThat(v1.rules()).allSatisfy(r -> assertThat(r.legalSource()).contains("81-1").contains("3687-IX"));
    }

    @Test
    void excludesExactlyTheTableOfProductMd() {
        ExcludedOffence rule = (ExcludedOffence) v1.rules().get(0);
        assertThat(rule.table()).map(Offence::toString).containsExactly(
                "109", "110", "110-2", "111", "111-1", "111-2", "112", "113", "114", "114-1", "114-2",
                "152", "153", "154", "155", "156", "156-1",
                "258", "258-1", "258-2", "258-3", "258-4", "258-5", "258-6",
                "348", "115:2.1", "115:2.4", "115:2.10", "286-1:4");
    }

    @ParameterizedTest(name = "{0} is excluded")
    @ValueSource(strings = {"109", "109:1", "110:2", "110-2:1", "111", "111-1:3", "111-2:2", "112", "113", "114:1",
            "114-1", "114-2:3", "152:2", "153:1", "154:1", "155:1", "156:1", "156-1:1", "258", "258:3", "258-1",
            "258-2", "258-3:1", "258-4", "258-5:2", "258-6", "348", "115:2.1", "115:2.4", "115:2.10", "286-1:4",
            "ст. 115 ч. 2 п. 1", "ст. 114-1"})
    void excludedOffenceFailsNamingTheOffenceInTheFirstNotation(String offence) {
        Verdict verdict = judge(offence, LocalDate.of(2025, 1, 1));
        String written = OffenceNotation.read(offence).orElseThrow().toString();
        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(verdict.rules()).isEqualTo("EXCLUDED_OFFENCE(" + written + ")");
    }

    @ParameterizedTest(name = "{0} is not excluded")
    @ValueSource(strings = {"115", "115:1", "115:2", "115:2.6", "115:2.11", "115:3", "286-1", "286-1:3", "286:4",
            "185:4", "152-1", "110-1", "114-3", "258-7", "347", "349", "108", "157", "ст. 115 ч. 2 п. 6"})
    void nothingElseIsExcluded(String offence) {
        assertThat(judge(offence, LocalDate.of(2025, 1, 1)).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void everyExcludedOffenceOfASentenceIsListedInItsOrder() {
        assertThat(judge("121:2;258-1;ст. 111;185:1;ст. 258-1", LocalDate.of(2025, 1, 1)).rules())
                .isEqualTo("EXCLUDED_OFFENCE(258-1);EXCLUDED_OFFENCE(111)");
    }

    @Test
    void lifeSentenceIsNeverEligibleAndHasNoTermRules() {
        Verdict verdict = v1.judge(new Convict(OffenceNotation.readList("122").offences(), null, true, false), TODAY);
        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(verdict.rules()).isEqualTo("LIFE_SENTENCE");
        assertThat(verdict.eligibleFrom()).isNull();

        Verdict withEnd = v1.judge(new Convict(OffenceNotation.readList("155:1").offences(),
                LocalDate.of(2040, 1, 1), true, true), TODAY);
        assertThat(withEnd.rules()).isEqualTo("EXCLUDED_OFFENCE(155:1);LIFE_SENTENCE;RESPONSIBLE_POST");
    }

    @Test
    void responsiblePostIsNotEligible() {
        Verdict verdict = v1.judge(new Convict(OffenceNotation.readList("121:2").offences(),
                LocalDate.of(2025, 1, 1), false, true), TODAY);
        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(verdict.rules()).isEqualTo("RESPONSIBLE_POST");
    }

    @Test
    void aSentenceEndingTodayOrEarlierLeavesNothing() {
        assertThat(judge("185:1", TODAY).rules()).isEqualTo("NO_SENTENCE_LEFT");
        assertThat(judge("185:1", TODAY.minusDays(1)).rules()).isEqualTo("NO_SENTENCE_LEFT");
        assertThat(judge("185:1", TODAY).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(judge("185:1", TODAY.plusDays(1)).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void moreThanThreeYearsLeftDefersToTheEndLessThreeYears() {
        assertThat(judge("185:1", LocalDate.of(2027, 7, 1))).isEqualTo(
                new Verdict(Outcome.ELIGIBLE, null, List.of(), List.of()));
        Verdict deferred = judge("185:1", LocalDate.of(2027, 7, 2));
        assertThat(deferred.outcome()).isEqualTo(Outcome.ELIGIBLE_FROM);
        assertThat(deferred.eligibleFrom()).isEqualTo(LocalDate.of(2024, 7, 2));
        assertThat(deferred.rules()).isEqualTo("REMAINING_TERM");
    }

    @Test
    void twentyNinthOfFebruaryLessThreeYearsIsTheTwentyEighth() {
        Verdict verdict = judge("185:1", LocalDate.of(2028, 2, 29));
        assertThat(verdict.outcome()).isEqualTo(Outcome.ELIGIBLE_FROM);
        assertThat(verdict.eligibleFrom()).isEqualTo(LocalDate.of(2025, 2, 28));
        // and judged on that 28 February the convict is eligible
        assertThat(v1.judge(convict("185:1", LocalDate.of(2028, 2, 29)), LocalDate.of(2025, 2, 28)).outcome())
                .isEqualTo(Outcome.ELIGIBLE);
        assertThat(v1.judge(convict("185:1", LocalDate.of(2028, 2, 29)), LocalDate.of(2025, 2, 27)).outcome())
                .isEqualTo(Outcome.ELIGIBLE_FROM);
    }

    @Test
    void remainingTermIsListedBesideRulesThatExclude() {
        Verdict verdict = judge("156-1:1", LocalDate.of(2032, 1, 13));
        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(verdict.eligibleFrom()).isNull();
        assertThat(verdict.rules()).isEqualTo("EXCLUDED_OFFENCE(156-1:1);REMAINING_TERM");
    }

    @Test
    void readsConvictsAndNamesWhatCannotBeRead() {
        assertThat(ConvictInput.read("115:1", "2025-01-01", "", "").convict())
                .isEqualTo(new Convict(List.of(Offence.of(115, 0, 1, 0)), LocalDate.of(2025, 1, 1), false, false));
        assertThat(ConvictInput.read("115:1", "", "TRUE", "false").convict().lifeSentence()).isTrue();
        assertThat(ConvictInput.read("11x;ст. 115 ч. два", "2024-02-30", "yes", "maybe").reasons()).containsExactly(
                "UNREADABLE_OFFENCE(11x)", "UNREADABLE_OFFENCE(ст. 115 ч. два)", "UNREADABLE_LIFE_SENTENCE(yes)",
                "UNREADABLE_RESPONSIBLE_POST(maybe)", "UNREADABLE_SENTENCE_END(2024-02-30)");
        assertThat(ConvictInput.read("115:1", "", "false", "").reasons()).containsExactly("MISSING_SENTENCE_END");
        assertThat(ConvictInput.read(" ", "2025-01-01", "", "").reasons()).containsExactly("NO_OFFENCE");
        assertThat(ConvictInput.read("115:1", "01.01.2025", "", "").reasons())
                .containsExactly("UNREADABLE_SENTENCE_END(01.01.2025)");
    }
}
