package legion.shared;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One edge of a program's stage machine, as a row of its successor table: the stages it leaves from, the stage it
 * reaches, whether a reason must be given and the roles that may take it. A program's transition enum holds one per
 * constant ({@link Table}); who may take an edge beyond its roles (the Legion's owner of a stage, say) stays the
 * program's rule.
 */
public record StageEdge<S extends Enum<S>>(Set<S> from, S to, boolean reasonRequired, Set<Role> roles) {

    public StageEdge {
        from = Set.copyOf(from);
        roles = Set.copyOf(roles);
    }

    public static <S extends Enum<S>> StageEdge<S> of(Set<S> from, S to, boolean reasonRequired, Role first,
                                                     Role... more) {
        return new StageEdge<>(from, to, reasonRequired, EnumSet.of(first, more));
    }

    public boolean leavesFrom(S stage) {
        return from.contains(stage);
    }

    public boolean takenBy(Role role) {
        return roles.contains(role);
    }

    /** A program's transition enum: each constant is a row of the table. */
    public interface Table<S extends Enum<S>> {

        StageEdge<S> edge();

        default Set<S> from() {
            return EnumSet.copyOf(edge().from());
        }

        default S to() {
            return edge().to();
        }

        default boolean reasonRequired() {
            return edge().reasonRequired();
        }

        default Set<Role> roles() {
            return EnumSet.copyOf(edge().roles());
        }

        default boolean leavesFrom(S stage) {
            return edge().leavesFrom(stage);
        }

        /** The rows of {@code table} that {@code take} accepts, in table order. */
        static <T extends Enum<T> & Table<?>> Set<T> rows(Class<T> table, Predicate<T> take) {
            Set<T> result = EnumSet.noneOf(table);
            for (T t : table.getEnumConstants()) {
                if (take.test(t)) {
                    result.add(t);
                }
            }
            return result;
        }
    }
}
