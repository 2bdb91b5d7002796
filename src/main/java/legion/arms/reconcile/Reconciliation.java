package legion.arms.reconcile;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import legion.arms.Serials;
import legion.screening.LinkageEngine;

/**
 * Reconciles paper-journal entries against the register (the {@code arms-reconcile} contract): for each entry, the
 * register's weapons of the same make with the same normalised serial decide between {@code MATCHED} and
 * {@code OTHER_HOLDER}; when there is none, the weapons at most two edits away whose holder is this person give
 * {@code SERIAL_CORRECTED}; otherwise {@code UNKNOWN_SERIAL}. Entries are judged in parallel, each independently.
 */
public final class Reconciliation {

    /** Two corrections whose holder scores differ by less than this are told apart by their number of edits. */
    private static final double SAME_SCORE = 0.05;

    private final SerialIndex index;
    private final HolderMatcher matcher = new HolderMatcher();
    private final Map<RegisterEntry, LinkageEngine.Prepared> holders = new IdentityHashMap<>();

    public Reconciliation(List<RegisterEntry> register) {
        this.index = new SerialIndex(register);
        List<LinkageEngine.Prepared> prepared = matcher.prepareAll(register.stream().map(RegisterEntry::holder).toList());
        for (int i = 0; i < register.size(); i++) {
            holders.put(register.get(i), prepared.get(i));
        }
    }

    /** One finding per journal entry, in the journal's order. */
    public List<Finding> reconcile(List<JournalEntry> journal) {
        List<LinkageEngine.Prepared> people = matcher.prepareAll(journal.stream().map(JournalEntry::person).toList());
        return IntStream.range(0, journal.size()).parallel()
                .mapToObj(i -> judge(journal.get(i), people.get(i))).toList();
    }

    private Finding judge(JournalEntry j, LinkageEngine.Prepared person) {
        String make = Serials.normalize(j.make());
        String serial = Serials.normalize(j.serial());
        List<SerialIndex.Weapon> exact = index.exact(make, serial);
        if (!exact.isEmpty()) {
            Best best = null;
            for (SerialIndex.Weapon w : exact) {
                best = better(best, best(w, person, 0));
            }
            return new Finding(j.row(), best.score >= HolderMatcher.THRESHOLD ? Finding.Kind.MATCHED
                    : Finding.Kind.OTHER_HOLDER, best.entry.serial(), best.score);
        }
        Best corrected = null;
        for (SerialIndex.Near near : index.near(make, serial)) {
            Best b = best(near.weapon(), person, near.edits());
            if (b.score >= HolderMatcher.THRESHOLD) {
                corrected = better(corrected, b);
            }
        }
        if (corrected != null) {
            return new Finding(j.row(), Finding.Kind.SERIAL_CORRECTED, corrected.entry.serial(), corrected.score);
        }
        return new Finding(j.row(), Finding.Kind.UNKNOWN_SERIAL, "", 0.0);
    }

    private record Best(RegisterEntry entry, double score, int edits) {
    }

    /** The clearly better holder score wins; between close ones, the serial fewer edits away. */
    private static Best better(Best a, Best b) {
        if (a == null) {
            return b;
        }
        if (Math.abs(a.score - b.score) >= SAME_SCORE) {
            return a.score > b.score ? a : b;
        }
        if (a.edits != b.edits) {
            return a.edits < b.edits ? a : b;
        }
        return a.score >= b.score ? a : b;
    }

    /** The best-matching holder among a weapon's entries (the same weapon may have been issued more than once). */
    private Best best(SerialIndex.Weapon weapon, LinkageEngine.Prepared person, int edits) {
        Best best = null;
        for (RegisterEntry e : weapon.entries()) {
            double s = matcher.score(person, holders.get(e));
            if (best == null || s > best.score) {
                best = new Best(e, s, edits);
            }
        }
        return best;
    }
}
