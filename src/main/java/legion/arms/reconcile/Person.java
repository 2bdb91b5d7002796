package legion.arms.reconcile;

/**
 * A person as a register row or a journal entry writes them, any field possibly empty.
 *
 * @param holderId    identity document number (ID card, passport) as written
 * @param surname     surname in any script
 * @param givenNames  given names, possibly an initial
 * @param patronymic  patronymic
 * @param dateOfBirth {@code yyyy-mm-dd} (impossible dates such as month 13 kept as written digits), or empty
 */
public record Person(String holderId, String surname, String givenNames, String patronymic, String dateOfBirth) {

    public Person {
        holderId = clean(holderId);
        surname = clean(surname);
        givenNames = clean(givenNames);
        patronymic = clean(patronymic);
        dateOfBirth = clean(dateOfBirth);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
