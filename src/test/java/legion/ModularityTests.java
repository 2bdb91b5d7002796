package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LegionApplication.class);

    /** Boundaries, no cycles, and each module's dependencies within its {@code allowedDependencies}. */
    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** The "depends on" column of docs/ARCHITECTURE.md says exactly what each module uses. */
    @Test
    void theArchitectureTableNamesEveryModuleWithItsDependencies() throws Exception {
        Map<String, Set<String>> documented = new TreeMap<>();
        Pattern row = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]*) \\|$");
        for (String line : Files.readAllLines(Path.of("docs/ARCHITECTURE.md"))) {
            Matcher m = row.matcher(line);
            if (m.matches() && !documented.containsKey(m.group(1))) {
                Set<String> deps = new TreeSet<>();
                Matcher name = Pattern.compile("`([a-z]+)`").matcher(m.group(2));
                while (name.find()) {
                    deps.add(name.group(1));
                }
                documented.put(m.group(1), deps);
            }
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        MODULES.forEach(module -> actual.put(module.getIdentifier().toString(),
                new TreeSet<>(module.getDirectDependencies(MODULES).uniqueModules()
                        .map(d -> d.getIdentifier().toString()).toList())));
        assertThat(documented).containsAllEntriesOf(actual);
        assertThat(documented.keySet()).containsAll(actual.keySet());
    }
}
