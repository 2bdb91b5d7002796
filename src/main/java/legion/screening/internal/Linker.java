package legion.screening.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import legion.screening.LinkageConfig;
import legion.screening.LinkageConfigException;
import legion.screening.ScoredPair;

/**
 * The linkage model of one configuration: prepares records (comparator values and blocking keys) and scores pairs
 * Fellegi-Sunter style. Each field adds log2(m/u) when it agrees, log2((1-m)/(1-u)) when it disagrees, a linear
 * blend in between (partial agreement), nothing when either value is missing; the sum plus the prior log-odds is
 * turned into a probability. A {@code certain} field that agrees decides the match alone. Thread-safe.
 */
public final class Linker {

    /** A record reduced to what the model needs. */
    public record Prepared(String id, Object[] values, List<List<String>> keys) {
    }

    private final LinkageConfig config;
    private final FieldComparator[] comparators;
    private final double[] agree;
    private final double[] disagree;
    private final NameNormalizer normalizer = new NameNormalizer();
    /** Field indices, certain fields first, then cheap comparators, names last. */
    private final int[] order;
    /** Sum of the positive agreement weights of the fields from position k of {@link #order} on. */
    private final double[] bestRemaining;
    private final double thresholdLogOdds;

    public Linker(LinkageConfig config) {
        this.config = config;
        int n = config.fields().size();
        comparators = new FieldComparator[n];
        agree = new double[n];
        disagree = new double[n];
        for (int i = 0; i < n; i++) {
            LinkageConfig.Field f = config.fields().get(i);
            comparators[i] = FieldComparator.byName(f.comparator());
            agree[i] = log2(f.m() / f.u());
            disagree[i] = log2((1 - f.m()) / (1 - f.u()));
        }
        order = java.util.stream.IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> config.fields().get(i).certain() ? 0 : 1)
                        .thenComparingInt(i -> cost(comparators[i])))
                .mapToInt(Integer::intValue).toArray();
        bestRemaining = new double[n + 1];
        for (int k = n - 1; k >= 0; k--) {
            bestRemaining[k] = bestRemaining[k + 1] + Math.max(0, agree[order[k]]);
        }
        thresholdLogOdds = log2(config.threshold() / (1 - config.threshold()));
    }

    private static int cost(FieldComparator c) {
        return switch (c) {
            case EXACT, IDENTIFIER, NUMERIC -> 0;
            case DATE, DIGITS -> 1;
            case TEXT -> 2;
            case NAME -> 3;
        };
    }

    /**
     * True when the pair reaches the threshold. Fields are compared cheapest first and the comparison stops as soon
     * as even full agreement on the remaining fields could not lift the pair over the threshold, so most blocked
     * candidates never reach the costly name comparison.
     */
    public boolean reachesThreshold(Prepared a, Prepared b) {
        return reachesThreshold(a, bestRemaining, b);
    }

    /**
     * The most the fields of {@code query} from each position of the comparison order on can add: as the
     * configuration's bound, without the fields the query has no value for (they add nothing). For
     * {@link #reachesThreshold(Prepared, double[], Prepared)}: a query without an e-mail, say, is dropped as soon
     * as its other fields cannot reach the threshold, instead of on the hope of an e-mail agreement it cannot have.
     */
    public double[] bound(Prepared query) {
        double[] bound = new double[order.length + 1];
        for (int k = order.length - 1; k >= 0; k--) {
            int i = order[k];
            bound[k] = bound[k + 1] + (query.values()[i] == null ? 0 : Math.max(0, agree[i]));
        }
        return bound;
    }

    /** As {@link #reachesThreshold(Prepared, Prepared)}, with the bound {@link #bound} made for {@code a}. */
    public boolean reachesThreshold(Prepared a, double[] bestRemaining, Prepared b) {
        double w = config.prior();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            Object x = a.values()[i];
            Object y = b.values()[i];
            if (x != null && y != null) {
                double s = comparators[i].similarity(x, y);
                if (config.fields().get(i).certain() && s >= 1.0) {
                    return true;
                }
                w += weight(i, s);
            }
            if (w + bestRemaining[k + 1] < thresholdLogOdds) {
                return false;
            }
        }
        return w >= thresholdLogOdds;
    }

    public LinkageConfig config() {
        return config;
    }

    /**
     * {@code record} without the values of the given fields (by name): compared with it, they are evidence neither
     * way, as a missing value is. Null when there is nothing to remove.
     */
    public Prepared without(Prepared record, Set<String> fields) {
        Object[] values = record.values().clone();
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && fields.contains(config.fields().get(i).name())) {
                values[i] = null;
                changed = true;
            }
        }
        return changed ? new Prepared(record.id(), values, record.keys()) : null;
    }

    /**
     * The field whose value is the whole key of blocking pass {@code p} (a pass of one part, {@code exact} or
     * {@code digits}, on one field or its only column), or null: such a pass's block is the set of records sharing
     * the value.
     */
    public String valueField(int p) {
        List<LinkageConfig.KeyPart> pass = config.blocking().get(p);
        if (pass.size() != 1 || !Set.of("exact", "digits").contains(pass.get(0).function())) {
            return null;
        }
        String source = pass.get(0).source();
        for (LinkageConfig.Field f : config.fields()) {
            if (f.name().equals(source) || f.columns().equals(List.of(source))) {
                return f.name();
            }
        }
        return null;
    }

    /** Checks that a CSV header holds every column the configuration needs. */
    public void requireColumns(Set<String> header) {
        for (String c : config.columns()) {
            if (!header.contains(c)) {
                throw new LinkageConfigException("input has no column '" + c + "' required by the config");
            }
        }
    }

    public Prepared prepare(Map<String, String> record) {
        return prepare(record, null);
    }

    private static final Object MISSING = new Object();

    /**
     * As {@link #prepare(Map)}, reusing the prepared value of a field value already prepared in {@code memo} (one map
     * per batch of records, shared by the threads preparing it): names repeat, and normalising them is the costly part.
     */
    public Prepared prepare(Map<String, String> record, java.util.concurrent.ConcurrentMap<String, Object> memo) {
        String id = record.get(config.idColumn());
        if (id == null || id.isBlank()) {
            throw new LinkageConfigException("record without a value in id column '" + config.idColumn() + "'");
        }
        Object[] values = new Object[comparators.length];
        for (int i = 0; i < comparators.length; i++) {
            String raw = joined(record, config.fields().get(i).columns());
            if (memo == null) {
                values[i] = comparators[i].prepareValue(raw);
            } else {
                FieldComparator c = comparators[i];
                Object v = memo.computeIfAbsent(c.name() + '\u0000' + raw, k -> {
                    Object p = c.prepareValue(raw);
                    return p == null ? MISSING : p;
                });
                values[i] = v == MISSING ? null : v;
            }
        }
        List<List<String>> keys = new ArrayList<>(config.blocking().size());
        Map<String, NormalizedName> names = new java.util.HashMap<>(4);
        for (List<LinkageConfig.KeyPart> pass : config.blocking()) {
            keys.add(passKeys(record, pass, names));
        }
        return new Prepared(id.strip(), values, keys);
    }

    private List<String> passKeys(Map<String, String> record, List<LinkageConfig.KeyPart> pass,
                                  Map<String, NormalizedName> names) {
        List<String> keys = List.of("");
        for (LinkageConfig.KeyPart part : pass) {
            List<String> values = partValues(record, part, names);
            if (values.isEmpty()) {
                return List.of(); // a missing value blocks nothing in this pass
            }
            List<String> next = new ArrayList<>(keys.size() * values.size());
            for (String k : keys) {
                for (String v : values) {
                    next.add(k.isEmpty() ? v : k + "|" + v);
                }
            }
            keys = next;
        }
        return keys;
    }

    private List<String> partValues(Map<String, String> record, LinkageConfig.KeyPart part,
                                    Map<String, NormalizedName> names) {
        List<String> columns = List.of(part.source());
        for (LinkageConfig.Field f : config.fields()) {
            if (f.name().equals(part.source())) {
                columns = f.columns();
            }
        }
        String raw = joined(record, columns);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        switch (part.function()) {
            case "tokens", "phonetic" -> {
                NormalizedName n = names.computeIfAbsent(raw, normalizer::normalize);
                Set<String> out = new LinkedHashSet<>();
                for (NormalizedName form : n.forms()) { // a name in Han blocks under its other readings too
                    for (int i = 0; i < form.tokens().size(); i++) {
                        if (form.tokens().get(i).length() < 2) {
                            continue;
                        }
                        String k = part.function().equals("tokens") ? form.folded().get(i) : form.skeletons().get(i);
                        if (!k.isEmpty()) {
                            out.add(k.length() > 6 ? k.substring(0, 6) : k);
                        }
                    }
                }
                return List.copyOf(out);
            }
            case "year" -> {
                String d = FieldComparator.parseDate(raw);
                return d == null ? List.of() : List.of(d.substring(0, 4));
            }
            case "digits" -> {
                String d = raw.replaceAll("[^0-9]", "");
                return d.isEmpty() ? List.of() : List.of(d);
            }
            case "first3" -> {
                String p = normalizer.plain(raw).replace(" ", "");
                return p.isEmpty() ? List.of() : List.of(p.length() > 3 ? p.substring(0, 3) : p);
            }
            default -> {
                String p = raw.strip().toLowerCase(Locale.ROOT);
                return List.of(p);
            }
        }
    }

    private static String joined(Map<String, String> record, List<String> columns) {
        if (columns.size() == 1) {
            return record.get(columns.get(0));
        }
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            String v = record.get(c);
            if (v != null && !v.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(v.strip());
            }
        }
        return sb.toString();
    }

    /** Match probability of two prepared records, without reasons (the hot path). */
    public double probability(Prepared a, Prepared b) {
        double w = config.prior();
        for (int i = 0; i < comparators.length; i++) {
            Object x = a.values()[i];
            Object y = b.values()[i];
            if (x == null || y == null) {
                continue;
            }
            double s = comparators[i].similarity(x, y);
            if (config.fields().get(i).certain() && s >= 1.0) {
                return 1.0;
            }
            w += weight(i, s);
        }
        return 1.0 / (1.0 + Math.pow(2, -w));
    }

    /** Match probability with the per-field evidence, strongest first. */
    public ScoredPair explain(Prepared a, Prepared b) {
        record Evidence(String text, double weight) {
        }
        List<Evidence> evidence = new ArrayList<>();
        double w = config.prior();
        for (int i = 0; i < comparators.length; i++) {
            LinkageConfig.Field f = config.fields().get(i);
            Object x = a.values()[i];
            Object y = b.values()[i];
            if (x == null || y == null) {
                continue;
            }
            double s = comparators[i].similarity(x, y);
            if (f.certain() && s >= 1.0) {
                return new ScoredPair(a.id(), b.id(), 1.0, List.of(f.name() + " identical (certain)"));
            }
            double fw = weight(i, s);
            w += fw;
            evidence.add(new Evidence(f.name() + ' ' + decimal(s, 2, false) + ' ' + decimal(fw, 1, true), fw));
        }
        evidence.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())));
        List<String> reasons = new ArrayList<>();
        for (Evidence e : evidence) {
            reasons.add(e.text());
        }
        return new ScoredPair(a.id(), b.id(), 1.0 / (1.0 + Math.pow(2, -w)), reasons);
    }

    /**
     * {@code v} with {@code places} decimals, rounded half up as {@code String.format("%.2f")} / {@code "%+.1f"} would
     * write it ({@code sign}: a plus before positive numbers); Formatter cost a tenth of screening's time here.
     */
    static String decimal(double v, int places, boolean sign) {
        long scale = places == 1 ? 10 : places == 2 ? 100 : (long) Math.pow(10, places);
        long scaled = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(8);
        if (v < 0) {
            sb.append('-'); // as Formatter writes -0.04 with one decimal: -0.0
        } else if (sign) {
            sb.append('+');
        }
        sb.append(scaled / scale).append('.');
        String frac = Long.toString(scaled % scale);
        for (int i = frac.length(); i < places; i++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }

    private double weight(int i, double s) {
        FieldComparator c = comparators[i];
        double frac = (s - c.disagreeAt) / (c.agreeAt - c.disagreeAt);
        frac = Math.max(0.0, Math.min(1.0, frac));
        return disagree[i] + frac * (agree[i] - disagree[i]);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
