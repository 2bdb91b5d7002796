package legion.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import legion.screening.internal.FieldComparator;

/**
 * A record-linkage configuration: which column holds the record id, which columns are compared with which
 * comparator and how much agreement on each weighs (Fellegi-Sunter m and u probabilities), the blocking passes that
 * propose candidate pairs, and the threshold on the resulting match probability. See
 * docs/adr/0021-record-linkage.md and {@code bench/febrl.yml} for the format.
 */
public final class LinkageConfig {

    /** One compared field. {@code certain}: equal values decide a match on their own (same passport number). */
    public record Field(String name, List<String> columns, String comparator, double m, double u, boolean certain) {
    }

    /** One part of a blocking key: a column (or field) and a key function. */
    public record KeyPart(String source, String function) {
    }

    private static final Set<String> KEY_FUNCTIONS = Set.of("exact", "tokens", "phonetic", "year", "digits", "first3");

    private final String idColumn;
    private final double threshold;
    private final double prior;
    private final int maxBlockSize;
    private final int maxCandidates;
    private final List<Field> fields;
    private final List<List<KeyPart>> blocking;

    private LinkageConfig(String idColumn, double threshold, double prior, int maxBlockSize, int maxCandidates,
                          List<Field> fields, List<List<KeyPart>> blocking) {
        this.idColumn = idColumn;
        this.threshold = threshold;
        this.prior = prior;
        this.maxBlockSize = maxBlockSize;
        this.maxCandidates = maxCandidates;
        this.fields = List.copyOf(fields);
        this.blocking = List.copyOf(blocking);
    }

    public static LinkageConfig load(Path file) {
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new LinkageConfigException("config file not found: " + file);
        } catch (IOException e) {
            throw new LinkageConfigException("cannot read config " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Loads a configuration shipped on the classpath, e.g. {@code screening/applicants.yml}. */
    public static LinkageConfig fromClasspath(String resource) {
        try (var in = LinkageConfig.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LinkageConfigException("no config resource " + resource);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new LinkageConfigException("cannot read config resource " + resource, e);
        }
    }

    public static LinkageConfig parse(String yaml, String label) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            String where = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null
                    ? " at line " + (m.getProblemMark().getLine() + 1) : "";
            throw new LinkageConfigException(label + ": malformed YAML" + where, e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new LinkageConfigException(label + ": expected a mapping with id, fields and blocking");
        }
        String id = string(map, "id", label);
        double threshold = number(map, "threshold", 0.5, label);
        if (threshold <= 0 || threshold >= 1) {
            throw new LinkageConfigException(label + ": threshold must be between 0 and 1");
        }
        double prior = number(map, "prior", -10, label);
        int maxBlock = (int) number(map, "max_block_size", 1000, label);
        if (maxBlock < 1) {
            throw new LinkageConfigException(label + ": max_block_size must be at least 1");
        }
        int maxCandidates = (int) number(map, "max_candidates", 0, label);
        if (maxCandidates < 0) {
            throw new LinkageConfigException(label + ": max_candidates must be 0 (no limit) or more");
        }
        Object fieldsNode = map.get("fields");
        if (!(fieldsNode instanceof Map<?, ?> fieldMap) || fieldMap.isEmpty()) {
            throw new LinkageConfigException(label + ": 'fields' must map field names to comparators");
        }
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<?, ?> e : fieldMap.entrySet()) {
            String name = String.valueOf(e.getKey());
            String where = label + ": field '" + name + "'";
            if (!(e.getValue() instanceof Map<?, ?> f)) {
                throw new LinkageConfigException(where + " must be a mapping");
            }
            String comparator = string(f, "comparator", where);
            if (FieldComparator.byName(comparator) == null) {
                throw new LinkageConfigException(where + ": unknown comparator '" + comparator + "' (known: "
                        + knownComparators() + ")");
            }
            List<String> columns = columns(f, name, where);
            double m = number(f, "m", 0.9, where);
            double u = number(f, "u", 0.01, where);
            if (!(m > 0 && m < 1 && u > 0 && u < 1 && m > u)) {
                throw new LinkageConfigException(where + ": need 0 < u < m < 1");
            }
            boolean certain = Boolean.TRUE.equals(f.get("certain"));
            fields.add(new Field(name, columns, comparator.toLowerCase(java.util.Locale.ROOT), m, u, certain));
        }
        Object blockingNode = map.get("blocking");
        if (!(blockingNode instanceof List<?> passes) || passes.isEmpty()) {
            throw new LinkageConfigException(label + ": 'blocking' must list at least one pass");
        }
        List<List<KeyPart>> blocking = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            Object pass = passes.get(i);
            List<?> parts = pass instanceof List<?> l ? l : List.of(pass);
            if (parts.isEmpty()) {
                throw new LinkageConfigException(label + ": blocking pass " + (i + 1) + " is empty");
            }
            List<KeyPart> keyParts = new ArrayList<>();
            for (Object p : parts) {
                String spec = String.valueOf(p);
                int colon = spec.lastIndexOf(':');
                String source = colon < 0 ? spec : spec.substring(0, colon);
                String function = colon < 0 ? "exact" : spec.substring(colon + 1);
                if (!KEY_FUNCTIONS.contains(function)) {
                    throw new LinkageConfigException(label + ": blocking pass " + (i + 1) + ": unknown key function '"
                            + function + "' (known: " + KEY_FUNCTIONS + ")");
                }
                keyParts.add(new KeyPart(source, function));
            }
            blocking.add(keyParts);
        }
        LinkageConfig config = new LinkageConfig(id, threshold, prior, maxBlock, maxCandidates, fields, blocking);
        for (List<KeyPart> pass : blocking) {
            for (KeyPart part : pass) {
                if (config.fields.stream().noneMatch(f -> f.name().equals(part.source()))
                        && !config.columns().contains(part.source())) {
                    throw new LinkageConfigException(label + ": blocking refers to '" + part.source()
                            + "', which is neither a field nor a compared column");
                }
            }
        }
        return config;
    }

    private static String knownComparators() {
        List<String> names = new ArrayList<>();
        for (FieldComparator c : FieldComparator.values()) {
            names.add(c.name().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private static List<String> columns(Map<?, ?> f, String name, String where) {
        Object c = f.get("columns");
        if (c == null) {
            c = f.get("column");
        }
        if (c == null) {
            return List.of(name);
        }
        if (c instanceof List<?> l && !l.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        if (c instanceof String s && !s.isBlank()) {
            return List.of(s);
        }
        throw new LinkageConfigException(where + ": 'columns' must be a column name or a list of them");
    }

    private static String string(Map<?, ?> map, String key, String where) {
        Object v = map.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new LinkageConfigException(where + ": '" + key + "' is required");
        }
        return s;
    }

    private static double number(Map<?, ?> map, String key, double fallback, String where) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new LinkageConfigException(where + ": '" + key + "' must be a number");
    }

    public String idColumn() {
        return idColumn;
    }

    /** Pairs whose match probability reaches this are judged the same person. */
    public double threshold() {
        return threshold;
    }

    /** log2 of the prior odds that a blocked candidate pair is a match. */
    public double prior() {
        return prior;
    }

    /** Blocks larger than this are skipped (a key that common carries no evidence); logged by count only. */
    public int maxBlockSize() {
        return maxBlockSize;
    }

    /**
     * At most this many candidates of one record are proposed by {@link DuplicateIndex}, best first ({@code 0}: no
     * limit): a record like thousands of others must not propose them all.
     */
    public int maxCandidates() {
        return maxCandidates;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<List<KeyPart>> blocking() {
        return blocking;
    }

    /** The id column and every column a field compares. */
    public Set<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        out.add(idColumn);
        for (Field f : fields) {
            out.addAll(f.columns());
        }
        return out;
    }
}
