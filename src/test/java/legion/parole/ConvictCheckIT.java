package legion.parole;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.access.Officers;
import legion.parole.api.ParoleJourney;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * The one call another program makes of parole ({@link ConvictCheck}, ADR 0150) on the database under test: the name
 * in another script or order, with or without the patronymic, and the exact date of birth; cases filed before the
 * blind index (V100) found once indexed at start-up.
 */
@LegionIntegrationTest
class ConvictCheckIT {

    private static final String PW = "convict-check-test-password";

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConvictCheck check;
    @Autowired
    ConvictLookup lookup;

    private static LocalDate born() {
        return LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 14_000));
    }

    @Test
    void theNameInAnyScriptOrOrderWithTheExactDateOfBirthIsAConvictAndNothingElseIs() {
        ParoleJourney j = new ParoleJourney(new Http(port), officers, "ccheck", PW);
        LocalDate born = born();
        LocalDate today = LocalDate.now();
        j.file("Горбатюк Микита Іванович", born.toString(), today.plusYears(2));

        assertThat(check.isConvict(List.of("MYKYTA HORBATIUK"), born, today)).isTrue();
        assertThat(check.isConvict(List.of("Mykyta Ivanovych Horbatiuk"), born, today)).isTrue();
        assertThat(check.isConvict(List.of("Микита Горбатюк"), born, today)).isTrue();
        assertThat(check.isConvict(List.of("Микола Гончаренко"), born, today)).isFalse();
        assertThat(check.isConvict(List.of("MYKYTA HORBATIUK"), born.plusDays(1), today)).isFalse();
        assertThat(check.isConvict(List.of(" "), born, today)).isFalse();
    }

    @Test
    void aCaseFiledBeforeTheBlindIndexIsFoundOnceIndexedAtStartUp() {
        ParoleJourney j = new ParoleJourney(new Http(port), officers, "ccheck", PW);
        LocalDate born = born();
        String ref = j.file("Остап Вишня", born.toString(), LocalDate.now().plusYears(2));
        jdbc.sql("update parole_case set birth_index = null where reference = ?").param(ref).update();
        assertThat(check.isConvict(List.of("Ostap Vyshnia"), born, LocalDate.now())).isFalse();

        lookup.indexEarlierCases();

        assertThat(check.isConvict(List.of("Ostap Vyshnia"), born, LocalDate.now())).isTrue();
        assertThat(jdbc.sql("select count(*) from parole_case where birth_index is null").query(Long.class).single())
                .isZero();
    }
}
