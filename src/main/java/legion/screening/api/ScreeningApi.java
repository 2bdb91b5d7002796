package legion.screening.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import legion.access.Officers;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.screening.CaseScreening;
import legion.screening.FindingRefusedException;
import legion.screening.ScreeningLists;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * Screening over the officers' API (PRODUCT.md): a case's screening for vetting officers, their decisions on hits and
 * duplicates (the same rules as the console: clearing and dismissing with four eyes), and the lists' state for
 * administrators.
 */
@RestController
@Tag(name = "Screening")
class ScreeningApi {

    private final CaseScreening screening;
    private final ScreeningLists lists;
    private final Enlistments enlistments;

    ScreeningApi(CaseScreening screening, ScreeningLists lists, Enlistments enlistments) {
        this.screening = screening;
        this.lists = lists;
        this.enlistments = enlistments;
    }

    record HitJson(long id, String list, String listId, String matchedName, double score, String status) {
    }

    record DuplicateJson(long id, String reference, double score, String status) {
    }

    record ScreeningJson(String status, Map<String, String> listVersions, List<HitJson> hits,
                         List<DuplicateJson> duplicates) {
    }

    /** {@code CONFIRM} or {@code CLEAR} for a hit; {@code LINK} or {@code DISMISS} for a duplicate. */
    record DecisionRequest(String decision) {
    }

    record ListJson(String source, String version, int entries, boolean loaded, String error) {
    }

    @GetMapping(path = "/api/v1/enlistments/{reference}/screening", produces = MediaType.APPLICATION_JSON_VALUE)
    ScreeningJson get(Authentication auth, @PathVariable String reference) {
        vettingOfficer(auth);
        return view(find(reference));
    }

    @PostMapping(path = "/api/v1/enlistments/{reference}/screening/hits/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ScreeningJson decideHit(Authentication auth, @PathVariable String reference, @PathVariable long id,
                            @RequestBody DecisionRequest body) {
        Actor actor = vettingOfficer(auth);
        Enlistment e = find(reference);
        switch (body == null || body.decision() == null ? "" : body.decision()) {
            case "CONFIRM" -> screening.confirmHit(actor, e.id(), id);
            case "CLEAR" -> screening.clearHit(actor, e.id(), id);
            default -> throw new IllegalArgumentException("decision is CONFIRM or CLEAR");
        }
        return view(e);
    }

    @PostMapping(path = "/api/v1/enlistments/{reference}/screening/duplicates/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ScreeningJson decideDuplicate(Authentication auth, @PathVariable String reference, @PathVariable long id,
                                  @RequestBody DecisionRequest body) {
        Actor actor = vettingOfficer(auth);
        Enlistment e = find(reference);
        switch (body == null || body.decision() == null ? "" : body.decision()) {
            case "LINK" -> screening.decideDuplicate(actor, e.id(), id, true);
            case "DISMISS" -> screening.decideDuplicate(actor, e.id(), id, false);
            default -> throw new IllegalArgumentException("decision is LINK or DISMISS");
        }
        return view(e);
    }

    /** The configured lists as this node loaded them (administrators). */
    @GetMapping(path = "/api/v1/screening/lists", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ListJson> lists(Authentication auth) {
        Actor actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("officers only"));
        if (actor.role() != Role.ADMINISTRATOR && actor.role() != Role.VETTING_OFFICER) {
            throw new SecurityException("administrators and vetting officers only");
        }
        return lists.statuses().stream().map(s -> new ListJson(s.source(), s.version(), s.entries(), s.loaded(),
                s.error())).toList();
    }

    private ScreeningJson view(Enlistment e) {
        var f = screening.findings(e.id());
        return new ScreeningJson(f.status().name(), f.listVersions(),
                f.hits().stream().map(h -> new HitJson(h.id(), h.list(), h.listId(), h.matchedName(), h.score(),
                        h.status())).toList(),
                f.duplicates().stream().map(d -> new DuplicateJson(d.id(), d.other().value(), d.score(), d.status()))
                        .toList());
    }

    private Enlistment find(String reference) {
        return Reference.parse(reference).flatMap(enlistments::findByReference)
                .orElseThrow(legion.screening.api.ScreeningApi::notFound);
    }

    private static RuntimeException notFound() {
        return new FindingRefusedException(FindingRefusedException.Reason.NOT_FOUND, "No such case.");
    }

    private static Actor vettingOfficer(Authentication auth) {
        Actor actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("officers only"));
        if (actor.role() != Role.VETTING_OFFICER) {
            throw new SecurityException("vetting officers only");
        }
        return actor;
    }
}
