package legion.parole;

import java.time.LocalDate;
import java.util.List;

/**
 * The one question another program may ask the parole program (ADR 0150): is this person a convict in custody or in
 * an open case? Asked by the arms register at each issue (Law 2114-IX's criminal-record bar). The answer is yes or
 * no — never the case, its stage, its facility or anything else of it.
 */
public interface ConvictCheck {

    /**
     * Whether a case of parole has this person (a name as written in any script, matched with the screening
     * module's name matcher, and the exact date of birth) as a convict still serving on the given day: a case
     * before its release, released to serve until discharge, absent or returned to custody, or ended without a
     * release while the sentence runs (ADR 0150 says which stages, and why).
     *
     * @param names the person's names as written, e.g. with and without the patronymic; any that matches counts
     */
    boolean isConvict(List<String> names, LocalDate dateOfBirth, LocalDate day);
}
