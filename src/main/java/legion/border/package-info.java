/**
 * Border crossings recorded against travel authorizations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "access", "authorization", "authorization :: seals", "enlistment", "review", "screening", "shared"})
package legion.border;
