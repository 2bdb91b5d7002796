/**
 * The Enlistment aggregate: stages, guarded transitions, history and events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "privacy", "shared"})
package legion.enlistment;
