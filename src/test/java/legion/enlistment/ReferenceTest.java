package legion.enlistment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReferenceTest {

    @Test
    void randomReferencesHaveTheFormatAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Reference r = Reference.random();
            assertThat(r.value()).matches("LGN-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            seen.add(r.value());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void parsesWhatPeopleType() {
        assertThat(Reference.parse(" lgn-7f3k-9q2m ")).contains(new Reference("LGN-7F3K-9Q2M"));
        assertThat(Reference.parse("LGN-7F3K-9QOI")).contains(new Reference("LGN-7F3K-9Q01"));
        assertThat(Reference.parse("LGN-7F3K-9Q2")).isEmpty();
        assertThat(Reference.parse("XYZ-7F3K-9Q2M")).isEmpty();
        assertThat(Reference.parse(null)).isEmpty();
        assertThatThrownBy(() -> new Reference("LGN-UUUU-UUUU")).isInstanceOf(IllegalArgumentException.class);
    }
}
