/**
 * The officer console: embassy queues, case pages and the actions officers take on cases.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "access", "advisory", "audit", "eligibility", "enlistment", "privacy",
        "screening", "shared"})
package legion.review;
