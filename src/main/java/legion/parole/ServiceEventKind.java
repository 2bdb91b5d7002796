package legion.parole;

import static legion.parole.Stage.ABSENT;
import static legion.parole.Stage.IN_SERVICE;
import static legion.shared.Role.PROSECUTOR;
import static legion.shared.Role.SUPERVISING_OFFICER;

import java.util.EnumSet;
import java.util.Set;

import legion.shared.Role;

/**
 * What can happen to a convict in service after the contract, recorded as a {@link ServiceEvent}: for each kind the
 * stages it may be recorded in, the roles that record it, the edge of the stage machine it takes (none: the stage
 * stays) and whether it refers the case to the prosecutor (and under which article).
 */
public enum ServiceEventKind {
    /** Unauthorised absence from the unit: the case goes to {@code ABSENT} and is referred under art. 336-2. */
    ABSENCE(EnumSet.of(IN_SERVICE), Transition.REPORT_ABSENCE, true, "336-2", SUPERVISING_OFFICER),
    /** A new offence in service (the unserved sentence is added): referred to the prosecutor; the stage stays. */
    NEW_OFFENCE(EnumSet.of(IN_SERVICE, ABSENT), null, true, null, SUPERVISING_OFFICER, PROSECUTOR),
    /** An injury in service; the stage stays. */
    INJURY(EnumSet.of(IN_SERVICE), null, false, null, SUPERVISING_OFFICER),
    /** Death in service: service ends ({@code DISCHARGED}, the event says why). */
    DEATH(EnumSet.of(IN_SERVICE), Transition.DISCHARGE, false, null, SUPERVISING_OFFICER),
    /** The end of service. */
    DISCHARGE(EnumSet.of(IN_SERVICE), Transition.DISCHARGE, false, null, SUPERVISING_OFFICER);

    private final Set<Stage> stages;
    private final Transition transition;
    private final boolean referred;
    private final String article;
    private final Set<Role> roles;

    ServiceEventKind(Set<Stage> stages, Transition transition, boolean referred, String article, Role first,
                     Role... more) {
        this.stages = stages;
        this.transition = transition;
        this.referred = referred;
        this.article = article;
        this.roles = EnumSet.of(first, more);
    }

    public boolean recordableIn(Stage stage) {
        return stages.contains(stage);
    }

    public Set<Stage> stages() {
        return EnumSet.copyOf(stages);
    }

    /** The edge this event takes, or null when the stage stays. */
    public Transition transition() {
        return transition;
    }

    /** Whether the event is referred to the prosecutor. */
    public boolean referred() {
        return referred;
    }

    /** The article of the Criminal Code a referral names, when fixed by the kind (absence: 336-2). */
    public String article() {
        return article;
    }

    public boolean permits(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    /** The kinds an actor of this role may record in the given stage. */
    public static Set<ServiceEventKind> available(Stage stage, Role role) {
        Set<ServiceEventKind> result = EnumSet.noneOf(ServiceEventKind.class);
        for (ServiceEventKind k : values()) {
            if (k.recordableIn(stage) && k.permits(role)) {
                result.add(k);
            }
        }
        return result;
    }
}
