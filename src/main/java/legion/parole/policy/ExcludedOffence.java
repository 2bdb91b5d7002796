package legion.parole.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code EXCLUDED_OFFENCE}: offences for which the law allows no release for service. The table lists offences in
 * the first notation; an entry without a part excludes every part of the article, an entry with a part every item
 * of that part, an entry with an item only that item. A convicted offence written less precisely than an entry
 * (article 115 without its part, when only 115:2.1 is excluded) is not excluded by it. Each excluded offence fails
 * on its own, in the order the sentence lists them.
 */
public final class ExcludedOffence implements ConvictRule {

    public static final String NAME = "EXCLUDED_OFFENCE";

    private final List<Offence> table;
    private final String legalSource;

    public ExcludedOffence(List<Offence> table, String legalSource) {
        if (table.isEmpty()) {
            throw new IllegalArgumentException("an exclusion table lists at least one offence");
        }
        this.table = List.copyOf(table);
        this.legalSource = Objects.requireNonNull(legalSource);
    }

    /** The table from a {@code ;}-separated list in either notation, as an administrator writes it. */
    public static ExcludedOffence of(String table, String legalSource) {
        OffenceNotation.Reading reading = OffenceNotation.readList(table);
        if (!reading.isReadable()) {
            throw new IllegalArgumentException("unreadable exclusion table entries: " + reading.unreadable());
        }
        return new ExcludedOffence(reading.offences(), legalSource);
    }

    public List<Offence> table() {
        return table;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String field() {
        return "offences";
    }

    @Override
    public String legalSource() {
        return legalSource;
    }

    @Override
    public List<Failure> judge(Convict convict, LocalDate day) {
        List<Failure> failures = null;
        for (Offence offence : convict.offences()) {
            if (isExcluded(offence)) {
                if (failures == null) {
                    failures = new ArrayList<>(1);
                }
                failures.add(new Failure(NAME, offence.toString(), null));
            }
        }
        return failures == null ? List.of() : failures;
    }

    public boolean isExcluded(Offence offence) {
        for (Offence entry : table) {
            if (covers(entry, offence)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(Offence entry, Offence offence) {
        if (!offence.isOfArticle(entry.article(), entry.insertion())) {
            return false;
        }
        if (!entry.hasPart()) {
            return true;
        }
        if (entry.part() != offence.part()) {
            return false;
        }
        return !entry.hasItem() || entry.item() == offence.item();
    }
}
