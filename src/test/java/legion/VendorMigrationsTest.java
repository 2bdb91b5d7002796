package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A migration that the two databases do differently has a twin of the same version in the other's folder (ADR 0175),
 * and no vendor version is also a common one: otherwise one database's version sequence would have a gap or a clash.
 */
class VendorMigrationsTest {

    private static Set<String> versions(String folder) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath:db/" + folder + "/V*.sql");
        return Arrays.stream(found).map(Resource::getFilename).map(n -> n.substring(1, n.indexOf("__")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyVendorMigrationHasItsTwinAndNoCommonVersion() throws IOException {
        Set<String> postgres = versions("postgresql");
        Set<String> h2 = versions("h2");
        Set<String> common = versions("migration");
        assertThat(postgres).isNotEmpty().isEqualTo(h2);
        assertThat(common).isNotEmpty().doesNotContainAnyElementsOf(postgres);
    }
}
