/**
 * Border crossings recorded against travel authorizations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "authorization", "shared"})
package legion.border;
