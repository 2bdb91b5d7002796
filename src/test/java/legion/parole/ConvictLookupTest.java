package legion.parole;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** Which stages leave a convict serving (ADR 0150): every stage, with the sentence running, ended, or for life. */
class ConvictLookupTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    void onlyADischargeOrAnEndedSentenceOfACaseEndedWithoutReleaseFreesTheConvict() {
        EnumSet<Stage> endedWithoutRelease = EnumSet.of(Stage.NOT_ELIGIBLE, Stage.UNFIT, Stage.DECLINED,
                Stage.REFUSED, Stage.WITHDRAWN);
        for (Stage s : Stage.values()) {
            boolean running = ConvictLookup.inCustody(s, DAY.plusDays(1), false, DAY);
            boolean endsToday = ConvictLookup.inCustody(s, DAY, false, DAY);
            boolean life = ConvictLookup.inCustody(s, null, true, DAY);
            if (s == Stage.DISCHARGED) {
                assertThat(running || endsToday || life).as(s.name()).isFalse();
            } else if (endedWithoutRelease.contains(s)) {
                assertThat(running).as(s.name()).isTrue();
                assertThat(endsToday).as(s + ": a sentence ending on the day has ended").isFalse();
                assertThat(life).as(s.name()).isTrue();
            } else {
                assertThat(running && endsToday && life).as(s.name()).isTrue();
            }
        }
    }
}
