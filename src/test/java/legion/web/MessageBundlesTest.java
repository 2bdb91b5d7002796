package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;
import legion.enlistment.Transition;
import legion.shared.ServiceRole;

/** Every user-facing text comes from the bundles: no key a page uses is missing, no translation has stray keys. */
class MessageBundlesTest {

    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLiteralKeyInTheTemplatesIsInTheEnglishBundle() throws Exception {
        Properties en = load("messages.properties");
        Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " in " + f.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumShownToPeopleHasAText() throws Exception {
        Properties en = load("messages.properties");
        for (Stage s : Stage.values()) {
            assertThat(en).containsKeys("stage." + s, "status.stage.explain." + s);
        }
        for (Transition t : Transition.values()) {
            assertThat(en).containsKey("transition." + t);
        }
        for (ServiceRole r : ServiceRole.values()) {
            assertThat(en).containsKey("role." + r);
        }
        for (RejectionReason r : RejectionReason.values()) {
            assertThat(en).containsKey("reason." + r);
        }
    }

    @Test
    void translationsHaveNoKeysTheEnglishBundleLacks() throws Exception {
        Properties en = load("messages.properties");
        Properties uk = load("messages_uk.properties");
        assertThat(en.keySet()).containsAll(uk.keySet());
        assertThat(uk.getProperty("start.title")).isNotEqualTo(en.getProperty("start.title"));
    }
}
