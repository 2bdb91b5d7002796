package legion.screening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import legion.screening.BirthDate;
import legion.screening.Watchlist;
import legion.screening.WatchlistEntry;
import legion.screening.WatchlistFormatException;

/**
 * Streams the UN Security Council consolidated list XML: {@code INDIVIDUAL} (names in FIRST..FOURTH_NAME,
 * NAME_ORIGINAL_SCRIPT, INDIVIDUAL_ALIAS, INDIVIDUAL_DATE_OF_BIRTH, NATIONALITY, GENDER) and {@code ENTITY}.
 * DTDs and external entities are refused.
 */
public final class UnXmlParser {

    public Watchlist parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new WatchlistFormatException("UN list file not found: " + file);
        } catch (IOException e) {
            throw new WatchlistFormatException("cannot read UN list file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    public Watchlist parse(InputStream in, String label) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in, "UTF-8");
            String version = null;
            List<WatchlistEntry> entries = new ArrayList<>();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "CONSOLIDATED_LIST" -> version = r.getAttributeValue(null, "dateGenerated");
                    case "INDIVIDUAL" -> entries.add(readRecord(r, "INDIVIDUAL", label));
                    case "ENTITY" -> entries.add(readRecord(r, "ENTITY", label));
                    default -> { }
                }
            }
            if (version == null) {
                throw new WatchlistFormatException(label + ": not a UN consolidated list (no CONSOLIDATED_LIST/@dateGenerated)");
            }
            return new Watchlist("un", version, entries);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new WatchlistFormatException(label + ": malformed XML" + where, e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a broken stream
                }
            }
        }
    }

    private WatchlistEntry readRecord(XMLStreamReader r, String kind, String label) throws XMLStreamException {
        int line = r.getLocation().getLineNumber();
        String dataId = null;
        String reference = null;
        String[] nameParts = new String[4];
        Set<String> aliases = new LinkedHashSet<>();
        List<BirthDate> births = new ArrayList<>();
        List<String> nationalities = new ArrayList<>();
        String gender = null;
        // state of the current INDIVIDUAL_DATE_OF_BIRTH
        String dobType = null;
        String dobDate = null;
        String dobYear = null;
        String dobFrom = null;
        String dobTo = null;
        Deque path = new Deque();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                path.push(name);
                if (name.equals("INDIVIDUAL_DATE_OF_BIRTH")) {
                    dobType = dobDate = dobYear = dobFrom = dobTo = null;
                }
                if (!isLeafOfInterest(path)) {
                    continue;
                }
                String text = r.getElementText().strip();
                path.pop();
                String parent = path.peek();
                switch (name) {
                    case "DATAID" -> dataId = text;
                    case "REFERENCE_NUMBER" -> reference = text;
                    case "FIRST_NAME" -> nameParts[0] = text;
                    case "SECOND_NAME" -> nameParts[1] = text;
                    case "THIRD_NAME" -> nameParts[2] = text;
                    case "FOURTH_NAME" -> nameParts[3] = text;
                    case "GENDER" -> gender = text.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
                    case "NAME_ORIGINAL_SCRIPT", "ALIAS_NAME" -> {
                        for (String alias : text.split(";")) {
                            if (!alias.isBlank()) {
                                aliases.add(alias.strip());
                            }
                        }
                    }
                    case "VALUE" -> {
                        if ("NATIONALITY".equals(parent) && !text.isEmpty()) {
                            nationalities.add(text);
                        }
                    }
                    case "TYPE_OF_DATE" -> dobType = text;
                    case "DATE" -> dobDate = text;
                    case "YEAR" -> dobYear = text;
                    case "FROM_YEAR" -> dobFrom = text;
                    case "TO_YEAR" -> dobTo = text;
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals(kind)) {
                    break;
                }
                if (name.equals("INDIVIDUAL_DATE_OF_BIRTH")) {
                    BirthDate b = birthDate(dobType, dobDate, dobYear, dobFrom, dobTo);
                    if (b != null) {
                        births.add(b);
                    }
                }
                path.pop();
            }
        }
        String primary = joinName(nameParts);
        if (primary.isEmpty()) {
            throw new WatchlistFormatException(label + ": " + kind + " near line " + line + " has no name");
        }
        aliases.remove(primary);
        String id = dataId != null ? dataId : reference;
        if (id == null) {
            throw new WatchlistFormatException(label + ": " + kind + " near line " + line + " has no DATAID");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String n : nationalities) {
            Countries.toIso2(n).ifPresent(codes::add);
        }
        return new WatchlistEntry("un", id, kind.equals("INDIVIDUAL"), primary, new ArrayList<>(aliases), births,
                nationalities, codes, gender);
    }

    /** Elements whose text we read: only those directly inside the record or its alias/DOB/nationality blocks. */
    private static boolean isLeafOfInterest(Deque path) {
        String name = path.peek();
        String parent = path.parent();
        return switch (name) {
            case "DATAID", "REFERENCE_NUMBER", "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "GENDER",
                 "NAME_ORIGINAL_SCRIPT" -> path.depth() == 2;
            case "ALIAS_NAME" -> "INDIVIDUAL_ALIAS".equals(parent) || "ENTITY_ALIAS".equals(parent);
            case "VALUE" -> "NATIONALITY".equals(parent);
            case "TYPE_OF_DATE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR" -> "INDIVIDUAL_DATE_OF_BIRTH".equals(parent);
            default -> false;
        };
    }

    /** A day followed by a time or zone ({@code 1969-07-16T00:00:00}, {@code 1969-07-16+01:00}). */
    private static final Pattern DATE_WITH_TIME = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2})\\D.*");

    static BirthDate birthDate(String type, String date, String year, String from, String to) {
        try {
            String written = date != null && !date.isEmpty() ? date : year;
            if (written != null && !written.isEmpty()) {
                Matcher timed = DATE_WITH_TIME.matcher(written.strip());
                BirthDate b = BirthDate.parse(timed.matches() ? timed.group(1) : written).orElse(null);
                if (b == null) {
                    return null; // an unreadable date qualifies nothing
                }
                return "APPROXIMATELY".equals(type) ? BirthDate.ofYears(b.fromYear() - 1, b.toYear() + 1) : b;
            }
            if (from != null && to != null && !from.isEmpty() && !to.isEmpty()) {
                int f = Integer.parseInt(from);
                int t = Integer.parseInt(to);
                return BirthDate.ofYears(Math.min(f, t), Math.max(f, t));
            }
        } catch (NumberFormatException e) {
            return null; // an unreadable date qualifies nothing
        }
        return null;
    }

    private static String joinName(String[] parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(p.strip());
            }
        }
        return sb.toString();
    }

    /** Element path inside the current record (the record element itself at depth 1). */
    private static final class Deque {
        private final java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();

        Deque() {
            stack.push("RECORD");
        }

        void push(String s) {
            stack.push(s);
        }

        void pop() {
            stack.pop();
        }

        String peek() {
            return stack.peek();
        }

        String parent() {
            var it = stack.iterator();
            it.next();
            return it.hasNext() ? it.next() : null;
        }

        int depth() {
            return stack.size();
        }
    }
}
