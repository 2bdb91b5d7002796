/**
 * Role catalogue and the versioned eligibility policy made of small named rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "enlistment", "rules", "shared"})
package legion.eligibility;
