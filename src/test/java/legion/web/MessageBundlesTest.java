package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import legion.authorization.VerificationStatus;
import legion.eligibility.EligibilityPolicy;
import legion.eligibility.PolicyParameters;
import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;
import legion.enlistment.Transition;
import legion.review.CaseFiles;
import legion.rules.Finding;
import legion.shared.Role;
import legion.shared.ServiceRole;

/**
 * Every user-facing text comes from the bundles: no key a page uses is missing, no translation has stray keys
 * ({@link TemplateTextsTest}: no page has a visible text of its own).
 */
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
        for (Role r : Role.values()) {
            assertThat(en).containsKey("console.role." + r);
        }
        for (CaseFiles.RefusedUpload.Problem p : CaseFiles.RefusedUpload.Problem.values()) {
            assertThat(en).containsKey("status.request.refused." + p);
        }
        for (VerificationStatus s : VerificationStatus.values()) {
            assertThat(en).containsKeys("border.status." + s, "border.offline.reason." + s);
        }
        // the states screening stores for hits and possible duplicates (CaseScreening)
        for (String s : List.of("OPEN", "CLEAR_PROPOSED", "CLEARED", "CONFIRMED")) {
            assertThat(en).containsKey("screening.hit.status." + s);
        }
        for (String s : List.of("OPEN", "LINKED", "DISMISSED")) {
            assertThat(en).containsKey("screening.duplicate.status." + s);
        }
    }

    @Test
    void everyEligibilityRuleHasANameWithAPlaceForEachOfItsNumbers() throws Exception {
        Properties en = load("messages.properties");
        var policy = new EligibilityPolicy(1, PolicyParameters.defaults(Set.of("RU")));
        assertThat(policy.ruleNames()).isNotEmpty();
        for (String rule : policy.ruleNames()) {
            String key = EligibilityPolicy.ruleKey(rule);
            assertThat(en).as(rule).containsKey(key);
            long placeholders = Pattern.compile("\\{\\d+}").matcher(en.getProperty(key)).results().count();
            assertThat(placeholders).as(rule).isEqualTo(Finding.ruleArguments(rule).size());
        }
        assertThat(EligibilityPolicy.ruleKey("age-18-60")).isEqualTo("eligibility.rule.age");
        assertThat(Finding.ruleArguments("age-18-60")).containsExactly("18", "60");
        assertThat(EligibilityPolicy.ruleKey("passport-valid-6-months")).isEqualTo("eligibility.rule.passportValidMonths");
        assertThat(EligibilityPolicy.ruleKey("role-medical-qualification")).isEqualTo("eligibility.rule.roleMedicalQualification");
    }

    /**
     * The translations, by language tag, each with the keys whose text reads the same as the English one (a name, an
     * abbreviation, a word both languages share). Keep these lists short: anything else equal to English is a text
     * someone forgot to translate.
     */
    static final Map<String, Set<String>> TRANSLATIONS = Map.of(
            "uk", Set.of("footer.api"),
            "pl", Set.of("footer.api", "app.name", "console.role.SYSTEM", "console.role.ADMINISTRATOR"),
            "de", Set.of("footer.api", "app.name", "advisory.version"),
            "fr", Set.of("footer.api", "advisory.version", "advisory.history", "check.advisory.sources"),
            "es", Set.of("footer.api", "no", "error.title"));

    /**
     * The languages complete for what volunteers see (the portal, the mails and the travel authorization letter) but
     * not for the officers' console, which falls back to English in them. Every other translation is complete for
     * every key.
     */
    static final Set<String> VOLUNTEERS_ONLY = Set.of("de", "fr", "es");

    /**
     * The key families of the officers' console pages (and of the other programs' console pages): no portal page,
     * mail or letter uses a key starting with one of these (checked below), so a volunteers-only translation may leave
     * them out.
     */
    static final List<String> CONSOLE_ONLY = List.of("console.", "arms.", "parole.", "admin.", "keys.", "outbox.",
            "screening.", "border.", "eligibility.", "reports.", "login.", "transition.", "outcome.", "policy.");

    static boolean consoleOnly(String key) {
        return CONSOLE_ONLY.stream().anyMatch(key::startsWith);
    }

    /** The keys a translation must have: every key, or for a volunteers-only one every key but the console's. */
    static Set<String> required(String language, Properties en) {
        Set<String> keys = new TreeSet<>(en.stringPropertyNames());
        if (VOLUNTEERS_ONLY.contains(language)) {
            keys.removeIf(MessageBundlesTest::consoleOnly);
        }
        return keys;
    }

    static Stream<String> translations() {
        return TRANSLATIONS.keySet().stream().sorted();
    }

    static String bundle(String language) {
        return "messages_" + language + ".properties";
    }

    /** The languages offered are exactly those with a bundle, and the portal links to each, named in itself. */
    @Test
    void everySupportedLanguageHasABundleAndALinkAndEveryBundleALanguage() throws Exception {
        Set<String> bundles = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            Pattern translation = Pattern.compile("^messages_([a-z]{2,3})\\.properties$");
            files.map(f -> translation.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .forEach(m -> bundles.add(m.group(1)));
        }
        Set<String> supported = new TreeSet<>(LocaleConfiguration.SUPPORTED.stream().map(Locale::getLanguage).toList());
        supported.remove("en");
        assertThat(bundles).isEqualTo(supported).isEqualTo(new TreeSet<>(TRANSLATIONS.keySet()));
        String layout = Files.readString(Path.of("src/main/resources/templates/fragments/layout.html"));
        for (Locale l : LocaleConfiguration.SUPPORTED) {
            String tag = l.getLanguage();
            String name = l.getDisplayLanguage(l);
            name = name.substring(0, 1).toUpperCase(l) + name.substring(1);
            assertThat(layout).as(tag).contains("<a th:href=\"@{''(lang='" + tag + "')}\" lang=\"" + tag
                    + "\" hreflang=\"" + tag + "\">" + name + "</a>");
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void translationsHaveNoKeysTheEnglishBundleLacks(String language) throws Exception {
        Properties en = load("messages.properties");
        Properties translated = load(bundle(language));
        assertThat(en.keySet()).as(language).containsAll(translated.keySet());
        assertThat(translated.getProperty("start.title")).as(language).isNotEqualTo(en.getProperty("start.title"));
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyTranslationHasEveryKeyOfTheEnglishBundle(String language) throws Exception {
        Properties en = load("messages.properties");
        Properties translated = load(bundle(language));
        Set<Object> missing = new TreeSet<>(required(language, en));
        missing.removeAll(translated.keySet());
        assertThat(missing).as("keys without a text in " + bundle(language)).isEmpty();
    }

    /**
     * What volunteers see takes no console key: the portal's templates (with the error pages, the form fragments and
     * the portal's header and footer), and the code that writes mails and the letter. Keys are found as written
     * ({@code #{status.title}}) and as the quoted start of a key put together ({@code #{'stage.' + ${stage}}}).
     */
    @Test
    void nothingVolunteersSeeUsesAConsoleKey() throws Exception {
        Path templates = Path.of("src/main/resources/templates");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String name = templates.relativize(f).toString().replace('\\', '/');
                if (name.startsWith("portal/") || name.startsWith("error") || name.equals("fragments/form.html")) {
                    texts.add(name + "\n" + Files.readString(f));
                }
            }
        }
        String layout = Files.readString(templates.resolve("fragments/layout.html"));
        int consoleHeader = layout.indexOf("<header th:fragment=\"console-header\"");
        texts.add("layout portal-header\n" + layout.substring(0, consoleHeader));
        texts.add("layout footer\n" + layout.substring(layout.indexOf("<footer")));
        for (String source : List.of("legion/intake/VolunteerNotices.java", "legion/intake/VolunteerCodes.java",
                "legion/intake/RequestProblems.java", "legion/authorization/internal/AuthorizationLetter.java")) {
            texts.add(source + "\n" + Files.readString(Path.of("src/main/java").resolve(source)));
        }
        try (Stream<Path> files = Files.list(Path.of("src/main/java/legion/intake/portal"))) {
            for (Path f : files.sorted().toList()) {
                texts.add(f.getFileName() + "\n" + Files.readString(f));
            }
        }
        Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)|['\"]([a-z][a-zA-Z]*\\.[a-zA-Z0-9.]*)['\"]");
        Set<String> found = new TreeSet<>();
        for (String text : texts) {
            String name = text.substring(0, text.indexOf('\n'));
            Matcher m = key.matcher(text);
            while (m.find()) {
                String k = m.group(1) != null ? m.group(1) : m.group(2);
                if (consoleOnly(k)) {
                    found.add(name + ": " + k);
                }
            }
        }
        assertThat(found).as("console keys in what volunteers see (de, fr and es leave them out)").isEmpty();
        assertThat(consoleOnly("console.queue.title")).isTrue();
        assertThat(consoleOnly("status.title")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void translatedTextsAreTranslationsThatKeepThePlaceholders(String language) throws Exception {
        Properties en = load("messages.properties");
        Properties translated = load(bundle(language));
        Set<String> same = TRANSLATIONS.get(language);
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        Set<String> copied = new TreeSet<>();
        Set<String> placeholdersDiffer = new TreeSet<>();
        for (String k : translated.stringPropertyNames()) {
            String english = en.getProperty(k, "");
            String text = translated.getProperty(k);
            if (text.equals(english) && !same.contains(k)) {
                copied.add(k);
            }
            Set<String> inEnglish = new TreeSet<>(placeholder.matcher(english).results().map(m -> m.group()).toList());
            Set<String> inTranslation = new TreeSet<>(placeholder.matcher(text).results().map(m -> m.group()).toList());
            if (!inEnglish.equals(inTranslation)) {
                placeholdersDiffer.add(k + ": " + inEnglish + " / " + inTranslation);
            }
        }
        assertThat(copied).as("English texts copied into " + bundle(language)).isEmpty();
        assertThat(placeholdersDiffer).as("placeholders of the English text missing or added in " + bundle(language))
                .isEmpty();
        // the allowed list names only keys that exist and really read the same, so it cannot grow stale
        for (String k : same) {
            assertThat(translated.getProperty(k)).as(language + " " + k).isEqualTo(en.getProperty(k));
        }
    }

    /**
     * A text with placeholders goes through MessageFormat, which takes a lone ' as the start of a quoted part: the
     * apostrophe disappears and no placeholder after it is filled in. Such texts use the typographic apostrophe ’.
     */
    @Test
    void noTextWithPlaceholdersHasAnAsciiApostrophe() throws Exception {
        Set<String> found = new TreeSet<>();
        List<String> bundles = Stream.concat(Stream.of("messages.properties"), translations().map(l -> bundle(l)))
                .toList();
        for (String bundle : bundles) {
            Properties p = load(bundle);
            for (String k : p.stringPropertyNames()) {
                String text = p.getProperty(k);
                if (text.matches("(?s).*\\{\\d+}.*") && text.contains("'")) {
                    found.add(bundle + ": " + k);
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
