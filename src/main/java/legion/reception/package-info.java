/**
 * Arrival at the reception point and assignment of role and unit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package legion.reception;
