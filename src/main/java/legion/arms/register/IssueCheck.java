package legion.arms.register;

import java.time.LocalDate;

/**
 * What the arms policy judges when a weapon is to be issued: the holder, what they hold already, and where the
 * weapon is compared with where the officer works.
 *
 * @param dateOfBirth  the holder's date of birth
 * @param legalStatus  the holder's status in Ukraine
 * @param prohibited   the holder's document is on the prohibited list
 * @param weaponsHeld  weapons the holder holds now (open issues)
 * @param weaponStatus the weapon's status
 * @param weaponPoint  where the weapon is in stock (null when not in stock)
 * @param officerPoint the issuing officer's point
 * @param convict      the parole program says the holder is a convict in custody or in an open case (asked only
 *                     when the version in force refuses convicts; false otherwise)
 */
public record IssueCheck(LocalDate dateOfBirth, LegalStatus legalStatus, boolean prohibited, int weaponsHeld,
                         WeaponStatus weaponStatus, String weaponPoint, String officerPoint, boolean convict) {
}
