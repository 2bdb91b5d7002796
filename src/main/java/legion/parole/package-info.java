/**
 * Program 3, service for release: convicts screened by the law (policy versions of named rules), their cases from
 * the application to discharge, the service events after the contract and the prosecutor's referrals, the 24-hour
 * hand-over clock, and the {@code parole-screen} subcommand.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "audit", "outbox", "privacy", "reporting",
        "rules", "screening", "shared"})
package legion.parole;
