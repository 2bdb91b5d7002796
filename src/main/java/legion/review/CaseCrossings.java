package legion.review;

import java.time.Instant;
import java.util.List;

import legion.enlistment.EnlistmentId;

/**
 * The border crossings of a case, for its page in the console (SPI: the border module records crossings against
 * travel authorizations and implements this; review does not depend on it).
 */
public interface CaseCrossings {

    /** The crossings recorded with any travel authorization of this case, in any order. */
    List<Crossing> of(EnlistmentId id);

    /** One scan at a checkpoint: when, where, the seal's status word, and whether it was flagged (and why). */
    record Crossing(Instant at, String checkpoint, String result, boolean flagged, String note) {
    }
}
