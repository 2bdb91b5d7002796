package legion.embassy;

/** An embassy that works a queue of applications; {@code hq} marks the central HQ queue. */
public record Embassy(String code, String name, String city, String country, boolean hq) {
}
