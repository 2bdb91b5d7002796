package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchlistsTest {

    static Path resource(String name) {
        try {
            return Path.of(WatchlistsTest.class.getClassLoader().getResource("screening/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsUnIndividualsWithAliasesBirthDatesAndNationalities() {
        Watchlist un = Watchlists.loadUn(resource("un-extract.xml"));

        assertThat(un.source()).isEqualTo("un");
        assertThat(un.version()).isEqualTo("2026-02-27T00:00:09.554Z");
        Map<String, WatchlistEntry> byId = un.entries().stream()
                .collect(Collectors.toMap(WatchlistEntry::id, Function.identity()));
        assertThat(byId).hasSize(7);

        WatchlistEntry saeed = byId.get("2833107");
        assertThat(saeed.individual()).isTrue();
        assertThat(saeed.name()).isEqualTo("HAFIZ MUHAMMAD SAEED");
        assertThat(saeed.aliases()).contains("Hafiz Mohammad Sayeed", "Muhammad Saeed").hasSize(10);
        assertThat(saeed.birthDates()).containsExactly(BirthDate.ofDay(LocalDate.of(1950, 6, 5)));
        assertThat(saeed.countryCodes()).containsExactly("PK");

        WatchlistEntry badege = byId.get("6907993");
        assertThat(badege.birthDates()).containsExactly(BirthDate.ofYears(1971, 1971));
        assertThat(badege.countryCodes()).containsExactly("CD");
        assertThat(badege.gender()).isEqualTo("male");
    }

    @Test
    void handlesTheOddUnRows() {
        Map<String, WatchlistEntry> byId = Watchlists.loadUn(resource("un-extract.xml")).entries().stream()
                .collect(Collectors.toMap(WatchlistEntry::id, Function.identity()));

        // several aliases in one ALIAS_NAME, separated by semicolons
        assertThat(byId.get("110444").aliases()).contains("Azim Adhajani", "Azim Agha-Jani");
        assertThat(byId.get("110444").countryCodes()).containsExactly("IR");
        // name in original script kept as an alias; approximate year becomes a range
        assertThat(byId.get("6908051").aliases()).contains("عابد حامد محمود التكريتي");
        assertThat(byId.get("6908051").birthDates()).containsExactly(BirthDate.ofYears(1956, 1958));
        // BETWEEN years
        assertThat(byId.get("6908021").birthDates()).anySatisfy(b -> assertThat(b.toYear()).isGreaterThan(b.fromYear()));
        // several nationalities
        assertThat(byId.get("690727").nationalities()).hasSizeGreaterThan(1);
        // entities are read too, marked as not individual
        assertThat(byId.values()).filteredOn(e -> !e.individual()).hasSize(1);
    }

    @Test
    void rejectsMalformedOrForeignXmlWithoutEchoingContent(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<CONSOLIDATED_LIST dateGenerated=\"x\"><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>SECRET NAME");
        assertThatThrownBy(() -> Watchlists.loadUn(broken))
                .isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("malformed XML")
                .hasMessageNotContaining("SECRET");

        Path other = dir.resolve("other.xml");
        Files.writeString(other, "<html/>");
        assertThatThrownBy(() -> Watchlists.loadUn(other)).hasMessageContaining("not a UN consolidated list");

        Path dtd = dir.resolve("dtd.xml");
        Files.writeString(dtd, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CONSOLIDATED_LIST dateGenerated=\"x\"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>"
                + "<FIRST_NAME>&e;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");
        assertThatThrownBy(() -> Watchlists.loadUn(dtd)).isInstanceOf(WatchlistFormatException.class);

        assertThatThrownBy(() -> Watchlists.loadUn(dir.resolve("missing.xml"))).hasMessageContaining("not found");
    }

    @Test
    void readsOfacSdnWithAliasesAndRemarks() {
        Watchlist ofac = Watchlists.loadOfac(resource("ofac").resolve("ofac-sample-"));

        assertThat(ofac.source()).isEqualTo("ofac");
        assertThat(ofac.version()).startsWith("sha256:");
        Map<String, WatchlistEntry> byId = ofac.entries().stream()
                .collect(Collectors.toMap(WatchlistEntry::id, Function.identity()));
        assertThat(byId).hasSize(17);

        WatchlistEntry khoroshev = byId.get("48603");
        assertThat(khoroshev.individual()).isTrue();
        assertThat(khoroshev.name()).isEqualTo("KHOROSHEV, Dmitry Yuryevich");
        assertThat(khoroshev.aliases()).contains("KHOROSHEV, Dmitriy Yurevich", "YURIEVICH, Dmitry");
        assertThat(khoroshev.birthDates()).containsExactly(BirthDate.ofDay(LocalDate.of(1993, 4, 17)));
        assertThat(khoroshev.countryCodes()).containsExactly("RU");

        assertThat(byId.get("40716").individual()).isFalse(); // vessel
        assertThat(byId.get("10278").birthDates()).containsExactly(BirthDate.ofDay(LocalDate.of(1963, 7, 28)));
    }

    @Test
    void toleratesOfacTrailersOrphanAliasesAndReadsDobVariants(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sdn.csv"), String.join("\r\n",
                "1,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB circa 1960; nationality Syria\"",
                "2,\"ROE, Richard\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1970 to 1972; alt. DOB 12 Mar 1975\"",
                "3,\"ACME, LTD.\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ",
                "\u001a"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("alt.csv"), "1,10,\"aka\",\"DOE, Johnny\",-0- \r\n99,11,\"aka\",\"NOBODY\",-0- \r\n");
        Files.writeString(dir.resolve("sdn_comments.csv"), "2,\"; citizen Iran.\"\r\n\u001a");

        Map<String, WatchlistEntry> byId = Watchlists.loadOfac(dir).entries().stream()
                .collect(Collectors.toMap(WatchlistEntry::id, Function.identity()));

        assertThat(byId).containsOnlyKeys("1", "2", "3");
        assertThat(byId.get("1").aliases()).containsExactly("DOE, Johnny");
        assertThat(byId.get("1").birthDates()).containsExactly(BirthDate.ofYears(1959, 1961));
        assertThat(byId.get("1").countryCodes()).containsExactly("SY");
        assertThat(byId.get("2").birthDates()).containsExactly(BirthDate.ofYears(1970, 1972),
                BirthDate.ofDay(LocalDate.of(1975, 3, 12)));
        assertThat(byId.get("2").countryCodes()).containsExactly("IR"); // from the overflow remarks
        assertThat(byId.get("3").individual()).isFalse();
    }

    @Test
    void explainsMissingOrAmbiguousOfacFiles(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Watchlists.loadOfac(dir)).hasMessageContaining("no OFAC sdn.csv");
        Files.writeString(dir.resolve("a-sdn.csv"), "");
        Files.writeString(dir.resolve("b-sdn.csv"), "");
        assertThatThrownBy(() -> Watchlists.loadOfac(dir)).hasMessageContaining("several OFAC file sets");
        assertThatThrownBy(() -> Watchlists.loadOfac(dir.resolve("a-"))).hasMessageContaining("alt.csv missing");
    }
}
