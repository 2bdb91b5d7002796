/**
 * Border crossings recorded against travel authorizations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "access", "authorization", "authorization :: seals", "enlistment", "screening", "shared"})
package legion.border;
