/**
 * Travel authorizations: ICAO Doc 9303-13 Visible Digital Seals, signing keys, revocation.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
        "access", "audit", "enlistment", "intake", "review", "shared"})
package legion.authorization;
