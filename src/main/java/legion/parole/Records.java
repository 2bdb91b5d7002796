package legion.parole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The facts a parole case records besides its stage; each recorded once by the edge that needs it. */
public final class Records {

    private Records() {
    }

    /** The convict's consent, or its withdrawal: when, and who witnessed it. */
    public record Consent(Instant at, String witness) {
        public Consent {
            Objects.requireNonNull(at);
            if (witness == null || witness.isBlank()) {
                throw new IllegalArgumentException("consent needs a witness");
            }
            witness = witness.strip();
        }
    }

    /** The court's ruling: court, case number, and when it takes effect (the 24-hour clock starts then). */
    public record Ruling(String court, String caseNumber, Instant effectiveAt) {
        public Ruling {
            if (caseNumber == null || caseNumber.isBlank() || effectiveAt == null) {
                throw new IllegalArgumentException("a ruling needs its case number and its date of effect");
            }
            caseNumber = caseNumber.strip();
            court = court == null || court.isBlank() ? null : court.strip();
        }
    }

    /** A release decided "at the highest level" without a court (the 2022 way): who, their reference, when. */
    public record HighestLevelRelease(String authority, String reference, LocalDate decidedOn) {
        public HighestLevelRelease {
            if (authority == null || authority.isBlank() || reference == null || reference.isBlank()
                    || decidedOn == null) {
                throw new IllegalArgumentException("a release at the highest level needs the authority, its "
                        + "reference and its date");
            }
            authority = authority.strip();
            reference = reference.strip();
        }
    }

    /** Where the serviceman serves: seen only by the unit's supervisor and HQ. */
    public record Service(String unit, String position) {
        public Service {
            if (unit == null || unit.isBlank()) {
                throw new IllegalArgumentException("a contract names the unit");
            }
            unit = unit.strip();
            position = position == null || position.isBlank() ? null : position.strip();
        }
    }

    /** How a convict was released: reported apart, so releases without a court are never again unrecorded. */
    public enum ReleaseKind { COURT, HIGHEST_LEVEL }
}
