package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** No page shows a text of its own: every visible text and attribute comes from the bundles (th:text="#{key}"). */
class TemplateTextsTest {

    @Test
    void noTemplateShowsAHardCodedText() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String name = Path.of("src/main/resources/templates").relativize(f).toString();
                for (String text : hardCodedTexts(Files.readString(f))) {
                    found.add(name + ":" + text);
                }
            }
        }
        assertThat(found).as("visible texts not taken from the bundles (use th:text=\"#{key}\")").isEmpty();
    }

    @Test
    void theScanFindsHardCodedTextsAndPassesTheOnesFromTheBundles() {
        assertThat(hardCodedTexts("""
                <div class="flash" th:if="${flash != null}">Routing changed.</div>
                <table><tr><th scope="col">User</th><th scope="col" th:text="#{console.col.name}">Name</th></tr></table>
                <p th:text="#{a}">fallback <b>bold</b></p><p>&nbsp;· – (#) : …</p>
                <input placeholder="Country code"><input type="submit" value="Send">
                <img src="x.png" th:alt="#{login.enrol.qr}" alt="QR"><a href="/" title="Home">&#8594;</a>
                <button th:attr="aria-label=#{x}" aria-label="Close">×</button><span aria-label="Close">×</span>
                <input type="hidden" name="a" value="b"><option value="PASSED" th:text="#{y}">PASSED</option>
                <script>if (a < b) { show('Hidden from the scan'); }</script><style>p::after { content: "x"; }</style>
                <!-- A comment: not shown -->
                <div th:replace="~{fragments/x :: y}">Replaced</div><span th:remove="all">Removed</span>
                <span th:remove="tag">Kept</span><a lang="uk" hreflang="uk">Українська</a>
                <p th:if="${a > b}">Lost &amp; found</p>
                """)).containsExactly("1: Routing changed.", "2: User", "4: placeholder=\"Country code\"",
                "4: value=\"Send\"", "5: title=\"Home\"", "6: aria-label=\"Close\"", "11: Kept",
                "12: Lost & found");
    }

    /** Elements with no content and no end tag. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    /** Attributes a reader sees or hears. */
    private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("alt", "title", "placeholder", "aria-label",
            "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext", "label");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
    private static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

    /** An open element: its name, and whether its content is left out of the scan. */
    private record Open(String name, boolean skipped) {
    }

    /**
     * The texts a template would show as written, each as "line: text": text between tags and visible attributes
     * (alt, title, placeholder, aria-label, a button's value) that no Thymeleaf attribute replaces. Skipped are
     * the contents of elements whose body Thymeleaf replaces or removes (th:text, th:utext, th:replace, th:insert,
     * th:remove), of script and style, of elements marked with a language of their own (a lang attribute below
     * html, as on the links that name each language in itself), comments, and text without a letter or digit.
     */
    static List<String> hardCodedTexts(String html) {
        List<String> found = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            int end = lt < 0 ? html.length() : lt;
            if (end > i && (open.isEmpty() || !open.peek().skipped())) {
                String text = visible(html.substring(i, end));
                if (text != null) {
                    found.add(line(html, i + leadingSpace(html, i, end)) + ": " + text);
                }
            }
            if (lt < 0) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                int close = html.indexOf("-->", lt + 4);
                i = close < 0 ? html.length() : close + 3;
                continue;
            }
            int gt = tagEnd(html, lt);
            String tag = html.substring(lt + 1, gt);
            i = gt + 1;
            if (tag.startsWith("!") || tag.startsWith("?")) {
                continue;
            }
            if (tag.startsWith("/")) {
                String name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
                if (open.stream().anyMatch(o -> o.name().equals(name))) {
                    while (!open.pop().name().equals(name)) {
                        // implicitly closed (like <p> or <li> without their end tags)
                    }
                }
                continue;
            }
            Matcher n = Pattern.compile("^[^\\s/>]+").matcher(tag);
            if (!n.find()) {
                continue;
            }
            String name = n.group().toLowerCase(Locale.ROOT);
            Map<String, String> attributes = new HashMap<>();
            Matcher a = ATTRIBUTE.matcher(tag.substring(n.end()));
            while (a.find()) {
                String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                attributes.put(a.group(1).toLowerCase(Locale.ROOT).replaceFirst("^data-th-", "th:"),
                        value == null ? "" : value);
            }
            boolean inherited = !open.isEmpty() && open.peek().skipped();
            if (!inherited && !attributes.containsKey("th:replace")) {
                for (String attribute : VISIBLE_ATTRIBUTES) {
                    check(found, html, lt, attributes, attribute);
                }
                String type = attributes.getOrDefault("type", "").toLowerCase(Locale.ROOT);
                if (name.equals("input") && Set.of("submit", "button", "reset").contains(type)) {
                    check(found, html, lt, attributes, "value");
                }
            }
            if (name.equals("script") || name.equals("style")) {
                int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
                i = close < 0 ? html.length() : html.indexOf('>', close) + 1;
                continue;
            }
            if (VOID.contains(name) || tag.endsWith("/")) {
                continue;
            }
            String remove = attributes.get("th:remove");
            boolean skipped = inherited || attributes.containsKey("th:text") || attributes.containsKey("th:utext")
                    || attributes.containsKey("th:replace") || attributes.containsKey("th:insert")
                    || (remove != null && !remove.equals("tag") && !remove.equals("none"))
                    || (attributes.containsKey("lang") && !name.equals("html"));
            open.push(new Open(name, skipped));
        }
        return found;
    }

    private static void check(List<String> found, String html, int at, Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null || visible(value) == null || attributes.containsKey("th:" + name)) {
            return;
        }
        String set = attributes.getOrDefault("th:attr", "") + "," + attributes.getOrDefault("th:attrappend", "");
        if (Pattern.compile("(^|,)\\s*" + Pattern.quote(name) + "\\s*=").matcher(set).find()) {
            return;
        }
        found.add(line(html, at) + ": " + name + "=\"" + visible(value) + "\"");
    }

    /** The text as shown, whitespace collapsed, or null when it has no letter or digit. */
    private static String visible(String raw) {
        String text = INLINED.matcher(raw).replaceAll(" ");
        text = ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(decode(m.group(1))));
        text = text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        return text.codePoints().anyMatch(Character::isLetterOrDigit) ? text : null;
    }

    private static String decode(String entity) {
        if (entity.startsWith("#x") || entity.startsWith("#X")) {
            return Character.toString(Integer.parseInt(entity.substring(2), 16));
        }
        if (entity.startsWith("#")) {
            return Character.toString(Integer.parseInt(entity.substring(1)));
        }
        return switch (entity) {
            case "nbsp" -> " ";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "middot" -> "·";
            case "hellip" -> "…";
            case "ndash" -> "–";
            case "mdash" -> "—";
            default -> "&" + entity + ";"; // unknown: kept, so it counts as text
        };
    }

    /** The index of the '>' that ends the tag opening at {@code lt}, past quoted attribute values. */
    private static int tagEnd(String html, int lt) {
        char quote = 0;
        for (int j = lt + 1; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j;
            }
        }
        return html.length() - 1;
    }

    private static int leadingSpace(String html, int from, int to) {
        int j = from;
        while (j < to && Character.isWhitespace(html.charAt(j))) {
            j++;
        }
        return j - from;
    }

    private static int line(String html, int at) {
        int line = 1;
        for (int j = 0; j < at && j < html.length(); j++) {
            if (html.charAt(j) == '\n') {
                line++;
            }
        }
        return line;
    }
}
