package legion.parole;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An officer's action on a case: the edge, why, the version the officer saw, and the facts the edge records (only
 * those it needs are read): the witness of a withdrawal, the commander's unit, the ruling, the authority of a
 * release at the highest level, the unit and position of the contract.
 */
public record ParoleAction(Transition transition, String reason, Long expectedVersion, String witness, String unit,
                           String position, RulingFacts ruling, AuthorityFacts authority) {

    /** The court's ruling as given. */
    public record RulingFacts(String court, String caseNumber, Instant effectiveAt) {
    }

    /** A release decided at the highest level, as given. */
    public record AuthorityFacts(String authority, String reference, LocalDate decidedOn) {
    }

    public static ParoleAction of(Transition transition, String reason) {
        return new ParoleAction(transition, reason, null, null, null, null, null, null);
    }
}
