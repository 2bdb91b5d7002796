package legion.parole;

import java.util.UUID;

/** The internal id of a parole case (the reference is what people use). */
public record ParoleCaseId(UUID value) {

    public static ParoleCaseId random() {
        return new ParoleCaseId(UUID.randomUUID());
    }
}
