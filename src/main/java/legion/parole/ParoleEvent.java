package legion.parole;

import java.time.Instant;
import java.time.LocalDate;

import legion.parole.policy.Outcome;

/**
 * What happened to a parole case, one specific past-tense event per edge, registered by {@link ParoleCase} and
 * published after the change is stored. None carries the convict's personal data.
 */
public sealed interface ParoleEvent {

    /** What every event says: which case, of which facility, who moved it, when, from and to. */
    record Moved(ParoleReference reference, String facility, String actor, String actorRole, Instant at,
                 Stage from, Stage to, Transition transition, String reason) {
    }

    Moved moved();

    record CaseFiled(Moved moved, int policyVersion, Outcome outcome, LocalDate eligibleFrom)
            implements ParoleEvent { }
    record ConvictScreened(Moved moved) implements ParoleEvent { }
    record ConvictFoundNotEligible(Moved moved, String rules) implements ParoleEvent { }
    record ConvictFoundFit(Moved moved) implements ParoleEvent { }
    record ConvictFoundUnfit(Moved moved) implements ParoleEvent { }
    record ConvictAccepted(Moved moved) implements ParoleEvent { }
    record ConvictDeclined(Moved moved) implements ParoleEvent { }
    record CasePetitioned(Moved moved) implements ParoleEvent { }
    record ConvictReleasedByCourt(Moved moved, String caseNumber, Instant effectiveAt, Instant handOverDue)
            implements ParoleEvent { }
    record ReleaseRefused(Moved moved, String caseNumber) implements ParoleEvent { }
    record ConvictReleasedAtHighestLevel(Moved moved, String authority, String authorityReference,
                                         LocalDate decidedOn, Instant handOverDue) implements ParoleEvent { }
    record ConvictHandedOver(Moved moved, boolean late) implements ParoleEvent { }
    record ContractSigned(Moved moved) implements ParoleEvent { }
    /** An unauthorised absence: a referral under art. 336-2 goes to the prosecutor. */
    record AbsenceReported(Moved moved) implements ParoleEvent { }
    record ReturnedToUnit(Moved moved) implements ParoleEvent { }
    record ReturnedToCustody(Moved moved) implements ParoleEvent { }
    record ServicemanDischarged(Moved moved) implements ParoleEvent { }
    record ConsentWithdrawn(Moved moved, String witness) implements ParoleEvent { }
    /**
     * Something happened in service ({@code moved} says whether the stage changed); {@code referred}: the case goes to
     * the prosecutor, under {@code article} (336-2 for an absence, the new offence for a new offence).
     */
    record ServiceEventRecorded(Moved moved, ServiceEventKind kind, LocalDate occurredOn, boolean referred,
                                String article) implements ParoleEvent { }
}
