package legion.screening;

import static legion.screening.WatchlistsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScreenerTest {

    private static final Screener SCREENER = new Screener(List.of(
            Watchlists.loadUn(resource("un-extract.xml")),
            Watchlists.loadOfac(resource("ofac").resolve("ofac-sample-"))));

    @ParameterizedTest
    @ValueSource(strings = {
            "Hafiz Muhammad Saeed",     // as listed
            "Hafiz Muhamad Saed",       // typos
            "Saeed Hafiz Muhammad",     // swapped order
            "SAEED, Hafiz Mohammed",    // list order, transliteration variant
            "حافظ محمد سعيد"            // Arabic script
    })
    void findsAListedPersonDespiteTyposOrderAndScript(String name) {
        List<Hit> hits = SCREENER.screen(new Person(name, null, null, null));

        assertThat(hits).extracting(Hit::list, Hit::listId).contains(org.assertj.core.groups.Tuple.tuple("un", "2833107"));
    }

    @Test
    void findsOfacAliasesInCyrillic() {
        List<Hit> hits = SCREENER.screen(new Person("Дмитрий Юрьевич Хорошев", null, null, null));

        assertThat(hits).extracting(Hit::listId).contains("48603");
    }

    @Test
    void matchingBirthDateAndNationalityRaiseTheScoreAndDifferentOnesLowerIt() {
        double plain = scoreOf(new Person("Hafiz Muhamad Saed", null, null, null));
        double confirmed = scoreOf(new Person("Hafiz Muhamad Saed", LocalDate.of(1950, 6, 5), "PK", "M"));
        double contradicted = SCREENER.screen(new Person("Hafiz Muhamad Saed", LocalDate.of(1990, 1, 1), "NO", null), 0.0)
                .stream().filter(h -> h.listId().equals("2833107")).findFirst().orElseThrow().score();

        assertThat(confirmed).isGreaterThan(plain);
        assertThat(contradicted).isLessThan(plain);
        assertThat(contradicted).isLessThan(Screener.THRESHOLD);
    }

    @Test
    void explainsItsQualifiers() {
        Hit hit = SCREENER.screen(new Person("Hafiz Muhammad Saeed", LocalDate.of(1950, 6, 5), "Pakistan", null))
                .stream().filter(h -> h.list().equals("un")).findFirst().orElseThrow();

        assertThat(hit.reasons()).contains("date of birth matches", "nationality matches");
        assertThat(hit.nameScore()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Angela Merkel", "Hafiz Rahman", "Lydia Smith", "Eric Johnson", "Patricia Lucas Wheeler"})
    void doesNotHitOtherPeople(String name) {
        assertThat(SCREENER.screen(new Person(name, null, null, null))).isEmpty();
    }

    @Test
    void findsAPersonListedInLatinWhoWritesTheirNameInHanja(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // a made-up listing in the UN format: the screener has to read 金大中 in Korean to find it
        java.nio.file.Path xml = dir.resolve("un.xml");
        java.nio.file.Files.writeString(xml, """
                <CONSOLIDATED_LIST dateGenerated="2026-11-27T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>
                  <DATAID>1</DATAID><FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>DAE JUNG</SECOND_NAME>
                  <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1966-11-07</DATE></INDIVIDUAL_DATE_OF_BIRTH>
                </INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
                """);
        Screener screener = new Screener(List.of(Watchlists.loadUn(xml)));

        assertThat(screener.screen(new Person("金大中", LocalDate.of(1966, 11, 7), "KP", null)))
                .extracting(Hit::listId).containsExactly("1");
        assertThat(screener.screen(new Person("金正恩", LocalDate.of(1966, 11, 7), "KP", null))).isEmpty();
    }

    @Test
    void findsAUkrainianListedInLatinWhoWritesTheirNameInCyrillic(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // listed as Ukrainian names are written in Latin letters (KMU 2010: Г h, Ю iu); Any-Latin alone reads
        // Горбатюк the Russian way (gorbatuk) and found no candidate
        java.nio.file.Path xml = dir.resolve("un.xml");
        java.nio.file.Files.writeString(xml, """
                <CONSOLIDATED_LIST dateGenerated="2026-11-27T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>
                  <DATAID>1</DATAID><FIRST_NAME>MYKYTA</FIRST_NAME><SECOND_NAME>HORBATIUK</SECOND_NAME>
                </INDIVIDUAL><INDIVIDUAL>
                  <DATAID>2</DATAID><FIRST_NAME>OLEKSANDR</FIRST_NAME><SECOND_NAME>HNATYSHYN</SECOND_NAME>
                </INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
                """);
        Screener screener = new Screener(List.of(Watchlists.loadUn(xml)));

        assertThat(screener.screen(new Person("Микита Горбатюк", null, null, null))).extracting(Hit::listId)
                .containsExactly("1");
        assertThat(screener.screen(new Person("Олександр Гнатишин", null, null, null))).extracting(Hit::listId)
                .containsExactly("2");
        assertThat(screener.screen(new Person("Микола Гончаренко", null, null, null))).isEmpty();
    }

    @Test
    void reportsListVersions() {
        assertThat(SCREENER.listVersions()).containsEntry("un", "2026-02-27T00:00:09.554Z").containsKey("ofac");
        assertThat(SCREENER.indexedNames()).isGreaterThan(24);
    }

    private static double scoreOf(Person p) {
        return SCREENER.screen(p).stream().filter(h -> h.listId().equals("2833107")).findFirst().orElseThrow().score();
    }
}
