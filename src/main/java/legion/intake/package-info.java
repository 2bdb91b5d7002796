/**
 * Public intake: the applicant portal and the intake REST API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "advisory", "eligibility", "embassy", "enlistment", "outbox", "review",
        "rules", "shared", "web"})
package legion.intake;
