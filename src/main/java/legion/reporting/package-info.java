/**
 * Aggregate read models and dashboards for analysts; no personal data.
 */
package legion.reporting;
