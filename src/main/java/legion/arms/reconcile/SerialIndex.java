package legion.arms.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import legion.arms.Serials;
import legion.screening.EditDistance;

/**
 * The register's weapons by normalised make and serial, and a deletion neighbourhood of every serial (each serial
 * with any one or two characters removed) so that the serials at most two edits from a journal's serial are found
 * without comparing it to every weapon: two strings are at most two edits apart (wrong, missing, extra or swapped
 * characters) only if deleting at most two characters from each makes them equal, so the candidates are the serials
 * sharing a deletion variant with the query, confirmed by {@link EditDistance#within}. Immutable once built.
 */
final class SerialIndex {

    static final int MAX_EDITS = 2;

    /** A serial with the entries of the register that carry it (the same weapon may have been issued twice). */
    record Weapon(String make, String serial, List<RegisterEntry> entries) {
    }

    /** A weapon near a journal's serial and how many edits away. */
    record Near(Weapon weapon, int edits) {
    }

    private final Map<String, Weapon> byKey = new LinkedHashMap<>();
    private final Map<String, List<Weapon>> bySerial = new HashMap<>();
    private final Map<String, List<Weapon>> byVariant = new HashMap<>();

    SerialIndex(List<RegisterEntry> register) {
        for (RegisterEntry e : register) {
            String make = Serials.normalize(e.make());
            String serial = Serials.normalize(e.serial());
            Weapon w = byKey.computeIfAbsent(make + '\u0000' + serial, k -> new Weapon(make, serial, new ArrayList<>(1)));
            w.entries().add(e);
        }
        for (Weapon w : byKey.values()) {
            bySerial.computeIfAbsent(w.serial(), k -> new ArrayList<>(1)).add(w);
            for (String v : deletions(w.serial())) {
                byVariant.computeIfAbsent(v, k -> new ArrayList<>(2)).add(w);
            }
        }
    }

    /** The weapons with exactly this serial, of this make (any make when {@code make} is empty); both normalised. */
    List<Weapon> exact(String make, String serial) {
        List<Weapon> all = bySerial.getOrDefault(serial, List.of());
        return make.isEmpty() ? all : all.stream().filter(w -> w.make().equals(make)).toList();
    }

    /** Weapons of this make (any when empty) whose serial is one or two edits from {@code serial}, nearest first. */
    List<Near> near(String make, String serial) {
        Set<Weapon> seen = new HashSet<>();
        List<Near> out = new ArrayList<>();
        for (String v : deletions(serial)) {
            for (Weapon w : byVariant.getOrDefault(v, List.of())) {
                if ((make.isEmpty() || w.make().equals(make)) && !w.serial().equals(serial) && seen.add(w)
                        && EditDistance.within(serial, w.serial(), MAX_EDITS)) {
                    out.add(new Near(w, EditDistance.osa(serial, w.serial())));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Near::edits));
        return out;
    }

    /** The string itself and every string made by deleting one or two of its characters. */
    static Set<String> deletions(String s) {
        Set<String> out = new HashSet<>();
        out.add(s);
        for (int i = 0; i < s.length(); i++) {
            String one = s.substring(0, i) + s.substring(i + 1);
            out.add(one);
            for (int j = i; j < one.length(); j++) {
                out.add(one.substring(0, j) + one.substring(j + 1));
            }
        }
        return out;
    }
}
