package legion.authorization;

import java.time.LocalDate;

/**
 * A travel authorization as issued: the seal and its two renderings.
 *
 * @param authorizationNumber the visa number in the seal's MRZ; revoke by it
 * @param seal                the raw seal bytes (ICAO Doc 9303-13)
 * @param barcodePng          the seal as a DataMatrix PNG
 * @param pdf                 the printable A4 letter
 * @param signer              signer identifier and certificate reference, e.g. {@code UALG5E21A9C4D1F0B2C3}
 */
public record IssuedAuthorization(String authorizationNumber, byte[] seal, byte[] barcodePng, byte[] pdf,
                                  String signer, LocalDate validFrom, LocalDate validUntil) {

    @Override
    public String toString() {
        return "IssuedAuthorization[" + authorizationNumber + ", signer " + signer + ", valid " + validFrom + ".."
                + validUntil + "]";
    }
}
