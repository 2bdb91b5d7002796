/**
 * Program 2, the arms register: weapons handed out by issuing points, their holders and custody history, and the
 * reconciliation of paper journals against the register ({@code arms-reconcile}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "audit", "authorization", "authorization :: seals",
        "privacy", "outbox", "parole", "reporting", "rules", "screening", "shared"})
package legion.arms;
