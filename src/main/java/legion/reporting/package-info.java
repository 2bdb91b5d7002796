/**
 * Aggregate read models and dashboards for analysts; no personal data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"enlistment"})
package legion.reporting;
