package legion.review.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import legion.enlistment.Enlistments.QueueOrder;
import legion.enlistment.Stage;
import legion.shared.ServiceRole;

/**
 * A queue as the officer set it up, all of it in the URL so that it can be bookmarked, shared and returned to: the
 * stages (none given: the stages still being worked), nationality, role, embassy, the vetting officers' "flagged"
 * filter, the order, and the id of a search kept in the session ({@code search}: what was typed — a name or a
 * passport number — never goes into a URL or an access log, see {@link ConsoleSearches}).
 */
public record QueueView(Set<Stage> stages, boolean defaultStages, String nationality, ServiceRole role, String embassy,
                 boolean flagged, QueueOrder sort, String search) {

    /** The stages shown when none are chosen: every stage a case is still worked in (not final). */
    static Set<Stage> working() {
        Set<Stage> s = EnumSet.noneOf(Stage.class);
        for (Stage st : Stage.values()) {
            if (!st.isFinal()) {
                s.add(st);
            }
        }
        return s;
    }

    static QueueView of(List<Stage> stage, String nationality, ServiceRole role, String embassy, boolean flagged,
                        QueueOrder sort, String search, boolean searching) {
        boolean none = stage == null || stage.isEmpty();
        // a search looks in every stage unless stages are chosen: the case looked for may be closed
        Set<Stage> stages = none ? (searching ? EnumSet.allOf(Stage.class) : working()) : EnumSet.copyOf(stage);
        String nat = nationality == null || nationality.isBlank() ? null : nationality.strip().toUpperCase();
        String emb = embassy == null || embassy.isBlank() ? null : embassy.strip().toUpperCase();
        return new QueueView(stages, none, nat, role, emb, flagged, sort == null ? QueueOrder.SUBMITTED : sort,
                search == null || search.isBlank() ? null : search);
    }

    /** The query string of this queue (no page position), for links that lead back to it. */
    public String query() {
        List<String> p = new ArrayList<>();
        if (!defaultStages) {
            stages.forEach(s -> p.add("stage=" + s.name()));
        }
        add(p, "nationality", nationality);
        add(p, "role", role == null ? null : role.name());
        add(p, "embassy", embassy);
        if (flagged) {
            p.add("flagged=true");
        }
        if (sort != QueueOrder.SUBMITTED) {
            p.add("sort=" + sort.name());
        }
        add(p, "search", search);
        return String.join("&", p);
    }

    /** The same queue in another order. */
    public String queryWithSort(QueueOrder order) {
        return new QueueView(stages, defaultStages, nationality, role, embassy, flagged, order, search).query();
    }

    /** The same queue without the search. */
    public String withoutSearch() {
        return new QueueView(stages, defaultStages, nationality, role, embassy, flagged, sort, null).query();
    }

    /** The same queue with every stage, closed ones too. */
    public String queryWithAllStages() {
        return new QueueView(EnumSet.allOf(Stage.class), false, nationality, role, embassy, flagged, sort, search)
                .query();
    }

    public boolean showsStage(Stage s) {
        return stages.contains(s);
    }

    public String stageNames() {
        return stages.stream().map(Stage::name).collect(Collectors.joining(","));
    }

    private static void add(List<String> p, String name, String value) {
        if (value != null) {
            p.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
