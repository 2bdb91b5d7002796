package legion.parole;

import java.time.LocalDate;
import java.util.Objects;

import legion.parole.policy.ConvictInput;
import legion.parole.policy.Offence;

/**
 * The convict of a case: who (encrypted at rest with the platform's {@code FieldCipher}) and the sentence the
 * policy judges. Offences are kept in the first notation, as read.
 */
public record Convict(String fullName, LocalDate dateOfBirth, String prisonerNumber, String offences,
                      LocalDate sentenceEnd, boolean lifeSentence, boolean responsiblePost) {

    public Convict {
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            throw new IllegalArgumentException("a convict's full name is 1-200 characters");
        }
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        if (prisonerNumber == null || prisonerNumber.isBlank() || prisonerNumber.length() > 40) {
            throw new IllegalArgumentException("a prisoner number is 1-40 characters");
        }
        fullName = fullName.strip();
        prisonerNumber = prisonerNumber.strip();
    }

    /** The subject the policy judges; the offences were read when the case was filed. */
    public legion.parole.policy.Convict subject() {
        ConvictInput.Reading reading = ConvictInput.read(offences, sentenceEnd == null ? "" : sentenceEnd.toString(),
                Boolean.toString(lifeSentence), Boolean.toString(responsiblePost));
        if (!reading.isReadable()) {
            throw new IllegalStateException("stored offences unreadable");
        }
        return reading.convict();
    }

    /** The offences as written in the first notation, {@code ;}-separated. */
    public static String written(java.util.List<Offence> offences) {
        return String.join(";", offences.stream().map(Offence::toString).toList());
    }
}
