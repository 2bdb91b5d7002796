/**
 * Aggregate read models and dashboards for analysts; no personal data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"enlistment", "shared"})
package legion.reporting;
