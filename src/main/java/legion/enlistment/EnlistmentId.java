package legion.enlistment;

import java.util.UUID;

import legion.privacy.Randomness;

/** The internal identity of an enlistment (never shown to volunteers). */
public record EnlistmentId(UUID value) implements java.io.Serializable {

    public static EnlistmentId random() {
        return new EnlistmentId(Randomness.uuid());
    }
}
