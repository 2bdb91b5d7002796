/**
 * Officers, their roles and embassy scope, login.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "privacy", "shared"})
package legion.access;
