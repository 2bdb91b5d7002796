/**
 * Demo data on first start: officers of every role and, on request, synthetic applications in every stage.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"access", "eligibility", "embassy", "enlistment", "shared"})
package legion.demo;
