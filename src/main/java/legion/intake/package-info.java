/**
 * Public intake: the applicant portal and the intake REST API.
 */
package legion.intake;
